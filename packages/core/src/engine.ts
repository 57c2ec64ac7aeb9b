// @shipshape/core/engine: what runs audits and reports them (the pipeline's side of core).
export { auditProject, auditProjects, type AuditProjectRequest, type AuditProjectResult } from './audit/audit-project';
export { auditProjectsInParallel } from './audit/parallel-audits';
export { auditThreads } from './audit/audit-threads';
export { auditProjectsServed, stopAuditService } from './audit/service/service-client';
export { auditServiceEnabled, serviceFolder, serviceSocket } from './audit/service/service-address';
export { runAudit } from './audit/run-audit';
export { runChecks, type CheckOutcome } from './audit/run-checks';
export { writeReports, type ReportFiles } from './audit/write-reports';
export {
  REPORT_SCHEMA_VERSION,
  type AuditProblem,
  type AuditReport,
  type AuditSummary,
  type ReportedCheck,
  type ReportedFinding,
} from './audit/report';
export { renderJson, renderMarkdown, renderSarif, renderTerminal } from './reporters';
export {
  BASELINE_VERSION,
  compareWithBaseline,
  createBaseline,
  readBaseline,
  writeBaseline,
  type Baseline,
  type BaselineEntry,
} from './baseline/baseline';
export { DEFAULT_OPTIONS, optionsSchema, resolveOptions, type IgnoreRule } from './config/options';
export {
  collectChecks,
  discoverCheckPackages,
  discoverOptionSections,
  discoverShipshapePackages,
  type ShipshapePackageInfo,
} from './registry/discover';
export { diskWorkspace } from './facts/create-workspace';
export { diskSource } from './file-system/file-source';
export { fromNxGraph } from './facts/workspace/nx-graph';
export { pythonProjectName, readNxGraphFile } from './facts/workspace/projects';
export { pluginOptionsIn, readProjectOptions } from './nx/tree-options';
export { writeFileAtomic } from './util/atomic-write';
export { readUserFile } from './util/read-user-file';
export { SHIPSHAPE_VERSION } from './version';
