import { runTasksInSerial, type GeneratorCallback, type Tree } from '@nx/devkit';
import { DEFAULTS, registerNxPlugin, type ShipshapeOptions } from '@shipshape/core';
import { resolveOptions } from '@shipshape/core/engine';
import { phaseInitGenerators } from '../../plan/phase-generators';
import { PLUGIN_NAME } from '../../plugins/plugin';
import type { InitGeneratorSchema } from './schema';

const REPORTS_IGNORE = DEFAULTS.statusDir;

/**
 * `nx add @shipshape/pipeline`: registers the plugin once, keeps the reports out of git, and sets up the
 * installed phase packages as `nx add` would (their own `init`, e.g. the deps plugin for the project graph).
 */
export async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeOptions(schema);
  registerNxPlugin(tree, PLUGIN_NAME, options);
  ignoreReports(tree);
  return runTasksInSerial(...(await initPhasePackages(tree)));
}

async function initPhasePackages(tree: Tree): Promise<GeneratorCallback[]> {
  const callbacks: GeneratorCallback[] = [];
  for (const { run } of phaseInitGenerators(tree.root)) {
    const callback = await run(tree, { skipFormat: true });
    if (callback) callbacks.push(callback);
  }
  return callbacks;
}

function normalizeOptions(schema: InitGeneratorSchema): ShipshapeOptions {
  const options: ShipshapeOptions = { targetName: schema.targetName ?? DEFAULTS.targetName };
  if (schema.failOn && schema.failOn !== 'error') options.failOn = schema.failOn;
  resolveOptions(options, 'the init generator options');
  return options;
}

function ignoreReports(tree: Tree) {
  const text = tree.exists('.gitignore') ? (tree.read('.gitignore', 'utf-8') ?? '') : '';
  const lines = text.split(/\r?\n/).map((line) => line.trim().replace(/^\/|\/$/g, ''));
  if (lines.includes(REPORTS_IGNORE) || lines.includes('reports')) return;
  const before = text === '' ? '' : `${text}${text.endsWith('\n') ? '' : '\n'}\n`;
  tree.write('.gitignore', `${before}# Shipshape audit reports\n/${REPORTS_IGNORE}\n`);
}

export default initGenerator;
