import { type GeneratorCallback, type Tree } from '@nx/devkit';
import { ShipshapeError, editJson, parseJsonWithComments, resolveOptions, type ShipshapeOptions } from '@shipshape/core';
import { PLUGIN_NAME } from '../../plugins/plugin';
import type { InitGeneratorSchema } from './schema';

const REPORTS_IGNORE = 'reports/shipshape';

interface PluginEntry {
  plugin: string;
  options?: ShipshapeOptions;
}

interface NxJson {
  plugins?: Array<string | PluginEntry>;
}

/** `nx add @shipshape/pipeline`: registers the plugin once, and keeps the reports out of git. */
export async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeOptions(schema);
  registerPlugin(tree, options);
  ignoreReports(tree);
  return () => undefined;
}

function normalizeOptions(schema: InitGeneratorSchema): ShipshapeOptions {
  const options: ShipshapeOptions = { targetName: schema.targetName ?? 'audit' };
  if (schema.failOn && schema.failOn !== 'error') options.failOn = schema.failOn;
  resolveOptions(options, 'the init generator options');
  return options;
}

function registerPlugin(tree: Tree, options: ShipshapeOptions) {
  if (!tree.exists('nx.json')) throw new ShipshapeError('no nx.json at the workspace root; run this in an Nx workspace', 'nx.json');
  const text = tree.read('nx.json', 'utf-8') ?? '';
  const nxJson = parseJsonWithComments<NxJson>(text, 'nx.json');
  const plugins = nxJson.plugins;
  if (plugins !== undefined && !Array.isArray(plugins)) throw new ShipshapeError('"plugins" must be an array', 'nx.json');
  if (plugins?.some((entry) => (typeof entry === 'string' ? entry : entry?.plugin) === PLUGIN_NAME)) return;
  const entry: PluginEntry = { plugin: PLUGIN_NAME, options };
  const edit = plugins ? { path: ['plugins', -1], value: entry } : { path: ['plugins'], value: [entry] };
  tree.write('nx.json', editJson(text, [edit]));
}

function ignoreReports(tree: Tree) {
  const text = tree.exists('.gitignore') ? (tree.read('.gitignore', 'utf-8') ?? '') : '';
  const lines = text.split(/\r?\n/).map((line) => line.trim().replace(/^\/|\/$/g, ''));
  if (lines.includes(REPORTS_IGNORE) || lines.includes('reports')) return;
  const before = text === '' ? '' : `${text}${text.endsWith('\n') ? '' : '\n'}\n`;
  tree.write('.gitignore', `${before}# Shipshape audit reports\n/${REPORTS_IGNORE}\n`);
}

export default initGenerator;
