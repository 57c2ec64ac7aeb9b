import { PIPELINE_PLUGIN } from '../config/defaults';
import { editJson } from '../manifest/json';
import { parseJsonWithComments } from '../manifest/jsonc';
import { ShipshapeError } from '../util/errors';

/** The part of an Nx `Tree` that registering a plugin uses (structural, so core needs no @nx/devkit). */
export interface NxJsonTree {
  exists(path: string): boolean;
  read(path: string, encoding: 'utf-8'): string | null;
  write(path: string, content: string): void;
}

interface NxJson {
  plugins?: Array<string | { plugin?: string }>;
}

/**
 * Adds `{ plugin, options }` to the `plugins` of nx.json, at the end, keeping the file's formatting and
 * comments; a plugin already registered (as a string or an object) is left as it is. Returns whether it
 * wrote. Throws a ShipshapeError naming nx.json when there is none, or it is malformed.
 */
export function registerNxPlugin(tree: NxJsonTree, plugin: string, options?: object): boolean {
  if (!tree.exists('nx.json')) throw new ShipshapeError('no nx.json at the workspace root; run this in an Nx workspace', 'nx.json');
  const text = tree.read('nx.json', 'utf-8') ?? '';
  const nxJson = parseJsonWithComments<NxJson>(text, 'nx.json');
  const plugins = nxJson.plugins;
  if (plugins !== undefined && !Array.isArray(plugins)) throw new ShipshapeError('"plugins" must be an array', 'nx.json');
  if (plugins?.some((entry) => (typeof entry === 'string' ? entry : entry?.plugin) === plugin)) return false;
  const entry = options === undefined ? { plugin } : { plugin, options };
  const edit = plugins ? { path: ['plugins', -1], value: entry } : { path: ['plugins'], value: [entry] };
  tree.write('nx.json', editJson(text, [edit]));
  return true;
}

/** Is the plugin in the `plugins` of an nx.json (as a string or an object)? */
export function isPluginRegistered(nxJson: { plugins?: unknown } | undefined, plugin: string): boolean {
  const plugins = nxJson?.plugins;
  return (
    Array.isArray(plugins) &&
    plugins.some((entry) => (typeof entry === 'string' ? entry : (entry as { plugin?: unknown })?.plugin) === plugin)
  );
}

/**
 * What a phase package's `init` does with its own Nx plugin: registers it, unless the pipeline's plugin is
 * registered, which runs the phase packages' plugins that are not registered themselves in its own worker (each
 * plugin registered in nx.json is one more worker process that every Nx command starts and loads). Returns
 * whether it wrote.
 */
export function registerPhasePlugin(tree: NxJsonTree, plugin: string): boolean {
  if (!tree.exists('nx.json')) throw new ShipshapeError('no nx.json at the workspace root; run this in an Nx workspace', 'nx.json');
  const nxJson = parseJsonWithComments<NxJson>(tree.read('nx.json', 'utf-8') ?? '', 'nx.json');
  if (isPluginRegistered(nxJson, PIPELINE_PLUGIN)) return false;
  return registerNxPlugin(tree, plugin);
}
