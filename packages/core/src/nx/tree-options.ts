import { posix } from 'node:path';
import { resolveOptions, type ResolvedOptions, type ShipshapeOptions } from '../config/options';
import { parseJsonWithComments } from '../manifest/jsonc';
import type { ReadableTree } from '../project/file-view';

const PIPELINE_PLUGIN = '@shipshape/pipeline';
/** Audit target options that are not Shipshape options. */
const EXECUTOR_ONLY = ['updateBaseline'];

interface NxJson {
  plugins?: Array<string | { plugin?: string; options?: ShipshapeOptions }>;
}

interface ProjectJson {
  targets?: Record<string, { options?: Record<string, unknown> }>;
}

/**
 * The Shipshape options a generator works with for a project, as the audit would resolve them: the
 * pipeline plugin's options in nx.json, overridden by the project's audit target options (project.json,
 * or the `nx` field of package.json). Invalid options throw one ShipshapeError naming where they are.
 */
export function readTreeOptions(tree: ReadableTree, projectRoot: string): ResolvedOptions {
  const nxJson = readJson<NxJson>(tree, 'nx.json');
  const entry = nxJson?.plugins?.find((p) => (typeof p === 'string' ? p : p?.plugin) === PIPELINE_PLUGIN);
  const pluginOptions = (typeof entry === 'object' ? entry.options : undefined) ?? {};
  const plugin = resolveOptions(pluginOptions, `nx.json (plugin "${PIPELINE_PLUGIN}" options)`);
  const at = (name: string) => (projectRoot === '.' || projectRoot === '' ? name : posix.join(projectRoot, name));
  const projectJson = readJson<ProjectJson>(tree, at('project.json'));
  const packageJson = readJson<{ nx?: ProjectJson }>(tree, at('package.json'));
  const target = projectJson?.targets?.[plugin.targetName] ?? packageJson?.nx?.targets?.[plugin.targetName];
  if (!target?.options) return plugin;
  const overrides = Object.fromEntries(Object.entries(target.options).filter(([key]) => !EXECUTOR_ONLY.includes(key)));
  const source = projectJson?.targets?.[plugin.targetName] ? at('project.json') : at('package.json');
  return resolveOptions({ ...pluginOptions, ...overrides }, `${source} (target "${plugin.targetName}" options)`);
}

function readJson<T>(tree: ReadableTree, path: string): T | undefined {
  if (!tree.exists(path)) return undefined;
  return parseJsonWithComments<T>(tree.read(path, 'utf-8') ?? '', path);
}
