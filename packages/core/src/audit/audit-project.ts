import { join } from 'node:path';
import { resolveOptions, type OptionsSection, type ResolvedOptions } from '../config/options';
import { ShipshapeWorkspace } from '../facts/shipshape-workspace';
import type { WorkspaceGraph } from '../facts/workspace-graph';
import { diskSource } from '../file-system/file-source';
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
  /**
   * Or the modules (absolute paths) whose `checks` export the checks to run: a request that names its checks this
   * way can cross to an audit thread (functions cannot).
   */
  checkModules?: readonly string[];
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

/** What a request resolves to before anything is read: its options (validated), where it writes, its checks. */
interface PreparedAudit {
  request: AuditProjectRequest;
  options: ResolvedOptions;
  reportsDir: string;
  baselineWritten?: string;
  checks: readonly Check[];
}

function prepare(request: AuditProjectRequest, sections: readonly OptionsSection[]): PreparedAudit {
  const options = resolveOptions(request.options, request.optionsSource, sections);
  const root = request.workspaceRoot;
  const reportsDir = options.reportsDir.replace('{projectRoot}', request.projectRoot);
  // Both are checked before anything is read or written: the audit then writes nothing at all.
  const baseline = insideWorkspace(root, join(request.projectRoot, options.baselineFile), 'the baselineFile option', options.baselineFile);
  return {
    request,
    options,
    reportsDir: insideWorkspace(root, reportsDir, 'the reportsDir option', options.reportsDir),
    baselineWritten: request.updateBaseline ? baseline : undefined,
    checks: request.checks ?? checksOf(request.checkModules) ?? collectChecks(discoverCheckPackages(root, options.packages)),
  };
}

function checksOf(modules: readonly string[] | undefined): Check[] | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- modules named at run time
  return modules?.flatMap((module) => (require(module) as { checks: Check[] }).checks);
}

/**
 * The audits of several projects of one workspace in one run (Nx's batch mode), sharing one workspace: its
 * facts (the graph, the packages, the installed modules, the Python interpreter and environment) are computed
 * once, and every project is audited with its own options. A request whose options are invalid fails alone.
 */
export async function* auditProjects(
  requests: readonly AuditProjectRequest[],
): AsyncGenerator<{ request: AuditProjectRequest; result?: AuditProjectResult; error?: unknown }> {
  for await (const item of audited(requests, { write: true })) {
    if ('error' in item) {
      yield item;
      continue;
    }
    try {
      const files = writeReports(item.report, item.prepared.reportsDir);
      yield { request: item.prepared.request, result: { report: item.report, files, baselineWritten: item.prepared.baselineWritten } };
    } catch (error) {
      yield { request: item.prepared.request, error };
    }
  }
}

/**
 * Runs the audits of the requests and writes nothing: no report, no baseline, no profile line (the checks read
 * the files and write at most in the system's temporary folder). What the audit service does once it has started, so that
 * the first batch it serves finds the checks' modules loaded and TypeScript's lib files parsed. Never throws.
 */
export async function rehearseAudits(requests: readonly AuditProjectRequest[]): Promise<void> {
  if (process.env.SHIPSHAPE_PROFILE) return; // the profile file records the audits that were asked for, nothing else
  try {
    for await (const _ of audited(requests, { write: false })) {
      // each audit's outcome is dropped
    }
  } catch {
    // a rehearsal that fails leaves the work to the batch that comes
  }
}

/** Each request's report (with its baseline updated when asked and `write`), or why it could not run. */
async function* audited(
  requests: readonly AuditProjectRequest[],
  { write }: { write: boolean },
): AsyncGenerator<{ prepared: PreparedAudit; report: AuditReport } | { request: AuditProjectRequest; error: unknown }> {
  if (requests.length === 0) return;
  const first = requests[0];
  const sections = first.sections ?? discoverOptionSections(first.workspaceRoot);
  const prepared: Array<PreparedAudit | { request: AuditProjectRequest; error: unknown }> = requests.map((request) => {
    try {
      return prepare(request, sections);
    } catch (error) {
      return { request, error };
    }
  });
  const ready = prepared.filter((p): p is PreparedAudit => !('error' in p));
  const byRoot = new Map(ready.map((p) => [p.request.projectRoot, p.options]));
  const workspace = new ShipshapeWorkspace({
    source: diskSource(first.workspaceRoot),
    options: ready[0]?.options ?? resolveOptions({}, 'defaults'),
    projectOptions: (node) => byRoot.get(node.root) ?? ready[0]?.options ?? resolveOptions({}, 'defaults'),
    graph: first.graph,
    batch: ready.map((p) => ({ name: p.request.projectName, root: p.request.projectRoot, tags: p.request.tags })),
  });
  for (const item of prepared) {
    if ('error' in item) {
      yield item;
      continue;
    }
    try {
      const { request } = item;
      const project = workspace.project({ name: request.projectName, root: request.projectRoot, tags: request.tags });
      const report = await runAudit(project, item.checks, { updateBaseline: write && request.updateBaseline });
      project.releaseFacts();
      yield { prepared: item, report };
    } catch (error) {
      yield { request: item.request, error };
    }
  }
}

/** One project's audit, as the executor runs it: options, checks, baseline, and the three report files. */
export async function auditProject(request: AuditProjectRequest): Promise<AuditProjectResult> {
  for await (const { result, error } of auditProjects([request])) {
    if (error !== undefined || !result) throw error;
    return result;
  }
  throw new Error('the audit produced no result');
}
