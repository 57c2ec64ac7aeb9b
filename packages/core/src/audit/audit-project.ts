import { join } from 'node:path';
import { resolveOptions, type OptionsSection } from '../config/options';
import { diskWorkspace } from '../facts/create-workspace';
import type { WorkspaceGraph } from '../facts/workspace-graph';
import { insideWorkspace } from '../file-system/paths';
import type { Check } from '../model/check';
import { collectChecks, discoverCheckPackages, discoverOptionSections } from '../registry/discover';
import type { AuditReport } from './report';
import { runAudit } from './run-audit';
import { writeReports, type ReportFiles } from './write-reports';

export interface AuditProjectRequest {
  workspaceRoot: string;
  projectName: string;
  projectRoot: string;
  /** Raw options as Nx merged them; validated here. */
  options: unknown;
  /** Where the options came from, for error messages. */
  optionsSource: string;
  updateBaseline?: boolean;
  /** The checks to run; by default those of the discovered check packages. */
  checks?: readonly Check[];
  /** Options sections to validate against; by default those of the discovered packages. */
  sections?: readonly OptionsSection[];
  tags?: readonly string[];
  /** Nx's project graph, when the caller has it (an executor's context); otherwise read from Nx's cache or the folders. */
  graph?: WorkspaceGraph;
}

export interface AuditProjectResult {
  report: AuditReport;
  files: ReportFiles;
  baselineWritten?: string;
}

/** One project's audit, as the executor runs it: options, checks, baseline, and the three report files. */
export async function auditProject(request: AuditProjectRequest): Promise<AuditProjectResult> {
  const sections = request.sections ?? discoverOptionSections(request.workspaceRoot);
  const options = resolveOptions(request.options, request.optionsSource, sections);
  const reportsDir = insideWorkspace(
    request.workspaceRoot,
    options.reportsDir.replace('{projectRoot}', request.projectRoot),
    'the reportsDir option',
  );
  const baselineWritten = request.updateBaseline
    ? insideWorkspace(request.workspaceRoot, join(request.projectRoot, options.baselineFile), 'the baselineFile option')
    : undefined;
  const checks = request.checks ?? collectChecks(discoverCheckPackages(request.workspaceRoot, options.packages));
  const workspace = diskWorkspace({ workspaceRoot: request.workspaceRoot, options, graph: request.graph });
  const project = workspace.project({ name: request.projectName, root: request.projectRoot, tags: request.tags });
  const report = await runAudit(project, checks, { updateBaseline: request.updateBaseline });
  return { report, files: writeReports(report, reportsDir), baselineWritten };
}
