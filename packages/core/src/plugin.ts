// @shipshape/core/plugin: what the Shipshape packages' Nx plugins need for every graph computation. Nx 23 starts
// a new plugin worker for each one (every command with the daemon off, every file change with it on), so the
// worker loads its plugin each time: this entry's modules load no generators, facts, engine, TOML or YAML parser
// or ts-morph. What only some workspaces need is in @shipshape/core/plugin-manifests, required on demand.
export { DEFAULTS, PIPELINE_PLUGIN } from './config/defaults';
export { resolveOptions, type OptionsSection, type ResolvedOptions, type ShipshapeOptions } from './config/options';
export { discoverOptionSections } from './registry/discover';
export { isPluginRegistered } from './nx/register-plugin';
export { nodesFromFiles } from './nx/nodes-from-files';
export {
  cacheVersion,
  contentHash,
  WorkspaceDataCache,
  workspaceDataDirectory,
  type WorkspaceDataCacheOptions,
} from './nx/workspace-data-cache';
export { matchesGlob } from './util/glob';
export { parseJson } from './manifest/json';
export { npmDeclaredNames } from './manifest/npm-declared-names';
export { guardTarget } from './executors/target';
