import { join } from 'node:path';
import { resolveOptions } from '../config/options';
import type { Check } from '../model/check';
import { ShipshapeProject } from '../project/project';
import { collectChecks, discoverCheckPackages } from '../registry/discover';
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
  tags?: string[];
}

export interface AuditProjectResult {
  report: AuditReport;
  files: ReportFiles;
  baselineWritten?: string;
}

/** One project's audit, as the executor runs it: options, checks, baseline, and the three report files. */
export async function auditProject(request: AuditProjectRequest): Promise<AuditProjectResult> {
  const options = resolveOptions(request.options, request.optionsSource);
  const checks = request.checks ?? collectChecks(discoverCheckPackages(request.workspaceRoot, options.packages));
  const project = new ShipshapeProject({
    name: request.projectName,
    root: request.projectRoot,
    workspaceRoot: request.workspaceRoot,
    options,
    tags: request.tags,
  });
  const report = await runAudit(project, checks, { updateBaseline: request.updateBaseline });
  const baselineWritten = request.updateBaseline ? join(project.absRoot, options.baselineFile) : undefined;
  const reportsDir = join(request.workspaceRoot, options.reportsDir.replace('{projectRoot}', request.projectRoot));
  return { report, files: writeReports(report, reportsDir), baselineWritten };
}
