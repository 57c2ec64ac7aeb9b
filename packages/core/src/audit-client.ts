// @shipshape/core/audit-client: what an audit task's process needs to have its audits done. The audit service does
// them where it runs (see audit/service); this entry loads neither the checks nor the engine, which are required
// only when the audits run in the task's own process.
export { DEFAULTS } from './config/defaults';
export { auditProjectsServed } from './audit/service/service-client';
export type { AuditProjectRequest, AuditProjectResult } from './audit/audit-project';
export { fromNxGraph } from './facts/workspace/nx-graph';
export { toPosixRelative } from './file-system/paths';
export { renderTerminal } from './reporters/terminal';
export { errorMessage, isShipshapeError } from './util/errors';
