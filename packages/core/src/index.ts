// @shipshape/core: the kit phase packages are written with. The engine that runs audits is
// @shipshape/core/engine; test helpers and the conformance suite are @shipshape/core/testing.

// checks and findings
export { defineCheck, type Check } from './model/check';
export type { Finding, FindingFix, FindingInput, Language, Severity } from './model/finding';
export { PLAN_ITEMS, findPlanItem, phasePackages, type PlanItem } from './model/plan';
export { documentStart, isNonEmptyString, missingFieldFindings, type RequiredField } from './checks/required-fields';

// facts
export { defineFact, defineWorkspaceFact, type ProjectFact, type WorkspaceFact } from './facts/fact';
export { ShipshapeProject } from './facts/shipshape-project';
export { ShipshapeWorkspace } from './facts/shipshape-workspace';
export type { WorkspaceGraph, WorkspaceProject } from './facts/workspace-graph';
export { projectFiles, projectListing } from './facts/project/files';
export { packageJson, pyproject, type PackageJson, type PyProject } from './facts/project/manifests';
export { projectLanguages } from './facts/project/languages';
export { declaredNames } from './facts/project/declared-names';
export { npmDeclaredNames, NPM_DEPENDENCY_SECTIONS } from './manifest/npm-declared-names';
export {
  typescriptSources,
  typescriptProgram,
  TS_SOURCE_PATTERN,
  DECLARATION_PATTERN,
  type SourceModule,
  type TypeScriptSources,
} from './facts/project/typescript';
export { moduleGraph, type ModuleGraph } from './facts/project/module-graph';
export { addWorkspaceFile, programPath, syntaxProgram, workspacePathOf } from './facts/project/syntax-program';
export {
  projectTsconfigs,
  libraryTsconfig,
  pathAliases,
  readTsconfig,
  resolveAlias,
  type PathAlias,
  type Tsconfig,
} from './facts/project/tsconfig';
export {
  buildOutputs,
  declaredEntries,
  type BuildOutputs,
  type OutputFolder,
  type PackageEntry,
  type SourceEvidence,
} from './facts/project/build-outputs';
export { pythonAnalysis, pythonFiles, pythonPackages, type PythonPackages } from './facts/project/python';
export { importedModuleFile } from './facts/project/python-modules';
export { defineBatchedFilePass, type FilePassSpec } from './facts/project/batched-file-pass';
export { defineBatchShared, type BatchSharedSpec } from './facts/project/batch-shared';
export { PART_FILE_LIMIT, partsOf } from './facts/project/batch-parts';
export { workspaceGraph } from './facts/workspace/projects';
export {
  workspacePackages,
  workspaceImports,
  owningProject,
  type WorkspacePackage,
  type WorkspaceImportTarget,
} from './facts/workspace/packages';
export {
  planFile,
  parsePlan,
  planWeeks,
  readPlan,
  requirePlan,
  parseCalendarDate,
  PLAN_VERSION,
  PLAN_WEEKS,
  type PlanFile,
  type PlanWeekEntry,
} from './facts/workspace/plan';
export { npmInstallation, type InstalledPackage, type NpmInstallation } from './facts/workspace/npm-installation';
export { pythonEnvironment, pythonInterpreter } from './facts/workspace/python';
export { rootManifests } from './facts/workspace/root-manifests';

// tools
export { projectTools, pythonProjectTools, type ProjectTool } from './tools/project-tools';
export {
  defineTool,
  type ToolAdapter,
  type PackageReference,
  type EntryReference,
  type OutputReference,
  type DeclaredReference,
} from './tools/tool';
export { packageName, specifierTarget, typesPackageOf, type SpecifierTarget } from './tools/specifiers';

// files
export type { FileSource } from './file-system/file-source';
export { decodeSource } from './file-system/read-source';
export { inProject, isWithin, projectRelative, toPosixRelative } from './file-system/paths';
export { matchesGlob } from './util/glob';
export { dataAt, isTable, stringsIn } from './util/data';

// manifests, edited keeping the user's formatting
export {
  editJson,
  editToml,
  editYaml,
  kindOf,
  locateJson,
  locateToml,
  locateYaml,
  parseJson,
  parseJsonWithComments,
  parseToml,
  parseYaml,
  shownValue,
  timesWritten,
  type JsonEdit,
  type ManifestText,
  type TomlEdit,
  type ValueKind,
} from './manifest';
export { formatRequirement, parseRequirement, type Requirement } from './manifest/python-requirement';

// Python
export {
  PYTHON_VERSIONS,
  TYPESHED_ONLY_MODULES,
  normalizeDistributionName,
  stdlibInSomeVersion,
  stdlibOfVersions,
} from './adapters/python';
export type { PythonAnalysis, PythonDefinition, PythonEnvironment, PythonFileResult, PythonImport } from './adapters/python';
export type { ImportRef, ModuleInfo, TypeReference } from './adapters/typescript/module-info';
export { sharedLibProject } from './adapters/typescript/shared-lib-project';
export { moduleExports, type ExportedName } from './adapters/typescript/module-exports';
export { starExpansions, type StarExpansion } from './adapters/typescript/star-exports';
export { exportStatements } from './adapters/typescript/export-statements';
export { sharedCompilerHost, type CompilerApi } from './adapters/typescript/shared-compiler-host';

// generators
export {
  defineFixGenerator,
  finishGenerator,
  reportFix,
  writeChanges,
  type FixContext,
  type FixResult,
  type FixSchema,
} from './generators/fix-generator';
export { definePhaseGenerator, phaseProjects, type PhaseStep } from './generators/phase-generator';
export { resolveProject } from './generators/resolve-project';
export { treeWorkspace } from './facts/create-workspace';
export { pluginWorkspace, type PluginContext } from './facts/plugin-workspace';
export { isPluginRegistered, registerNxPlugin, registerPhasePlugin, type NxJsonTree } from './nx/register-plugin';

// executors (guards that run real tools)
export { defineToolExecutor, type GuardContext, type ToolExecutorSpec } from './executors/tool-executor';
export { findTool, installCommand, type ToolBinary } from './executors/find-tool';
export { runProcess, type ProcessResult, type RunProcessOptions } from './util/run-process';
export { parseDiagnostics, TSC_DIAGNOSTICS, type DiagnosticPattern } from './executors/diagnostics';
export { guardTarget } from './executors/target';

// options
export { packageOptions, type OptionsSection, type ResolvedOptions, type ShipshapeOptions } from './config/options';
export { DEFAULTS, PIPELINE_PLUGIN, PLAN_FILE } from './config/defaults';

export { IncompleteAuditError, ShipshapeError, errorMessage, isIncompleteAudit, isShipshapeError } from './util/errors';
export {
  CONFIG_FILE,
  DECLARATION_FILE,
  TEST_FILE,
  FIXTURE_FILE,
  isLibrarySource,
  pythonRole,
  typescriptRole,
  type SourceRole,
} from './facts/project/source-roles';
export { unparsedPython, unparsedTypescript, type UnparsedFile } from './facts/project/parsed-sources';
