export { defineCheck, type Check, type CheckPackage } from './model/check';
export {
  SEVERITIES,
  compareFindings,
  fingerprint,
  severityRank,
  type Finding,
  type FindingFix,
  type FindingInput,
  type Language,
  type Severity,
} from './model/finding';
export { PLAN_ITEMS, findPlanItem, phasePackages, type PlanItem } from './model/plan';

export { ShipshapeProject, type PackageJson, type ProjectInit, type PyProject } from './project/project';
export { listProjectFiles, looksBinary, type FileListing, type FileProblem, type ProjectFile } from './project/files';
export { readWorkspaceGraph, type WorkspaceGraph, type WorkspaceProjectNode } from './project/workspace-graph';
export { diskView, inProject, projectRelative, treeView, type FileView, type ReadableTree } from './project/file-view';

export { TypeScriptAdapter, TS_SOURCE_PATTERN, type ModuleResult } from './adapters/typescript/typescript-adapter';
export { extractModuleInfo, type ExportRef, type ImportKind, type ImportRef, type ModuleInfo } from './adapters/typescript/module-info';
export {
  PythonUnavailableError,
  analyzePython,
  findPython,
  resetPythonCache,
  type PythonAnalysis,
  type PythonDefinition,
  type PythonFileResult,
  type PythonImport,
} from './adapters/python';
export { analyzePythonSources } from './adapters/python/analyze-sources';
export { normalizeDistributionName, pythonEnvironment, type PythonEnvironment } from './adapters/python';

export {
  editJson,
  editToml,
  editYaml,
  locateJson,
  locateToml,
  locateYaml,
  parseJson,
  parseJsonWithComments,
  parseToml,
  parseYaml,
  readJsonFile,
  readTomlFile,
  type JsonEdit,
  type ManifestText,
  type TomlEdit,
} from './manifest';

export { documentStart, missingFieldFindings, isNonEmptyString, type RequiredField } from './checks/required-fields';

export { BASELINE_VERSION, compareWithBaseline, createBaseline, readBaseline, writeBaseline, type Baseline, type BaselineEntry } from './baseline/baseline';

export { DEFAULT_OPTIONS, optionsSchema, resolveOptions, type IgnoreRule, type ResolvedOptions, type ShipshapeOptions } from './config/options';
export type { DepsOptions } from './config/options';

export { collectChecks, discoverCheckPackages, discoverShipshapePackages, type ShipshapePackageInfo } from './registry/discover';

export { runAudit } from './audit/run-audit';
export { auditProject, type AuditProjectRequest, type AuditProjectResult } from './audit/audit-project';
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

export { registerNxPlugin, type NxJsonTree } from './nx/register-plugin';
export { findTreeProject, pythonProjectName, treeProjects, type TreeProject } from './nx/tree-projects';
export { readTreeOptions } from './nx/tree-options';
export { ShipshapeError, errorMessage, isShipshapeError } from './util/errors';
export { writeFileAtomic } from './util/atomic-write';
export { toPosixRelative } from './util/paths';
export { matchesGlob } from './util/glob';
export { SHIPSHAPE_VERSION } from './version';
