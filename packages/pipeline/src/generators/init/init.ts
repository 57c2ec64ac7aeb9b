import { logger, runTasksInSerial, type GeneratorCallback, type Tree } from '@nx/devkit';
import { DEFAULTS, registerNxPlugin, type ShipshapeOptions } from '@shipshape/core';
import { resolveOptions } from '@shipshape/core/engine';
import { phaseInitGenerators } from '../../plan/phase-generators';
import { PLUGIN_NAME } from '../../plugins/plugin';
import { projectCount } from './project-count';
import type { InitGeneratorSchema } from './schema';

const REPORTS_IGNORE = DEFAULTS.statusDir;

/**
 * From this many projects the audit is `quiet` unless asked otherwise. Nx prints every cached task's output again on
 * each run and sends it all to its daemon afterwards: at 1,000 projects the listings cost about 0.4 s of every run
 * (docs/performance.md), and a run-many's terminal of tens of thousands of lines is read by nobody.
 */
export const QUIET_FROM_PROJECTS = 500;

/**
 * `nx add @shipshape/pipeline`: registers the plugin once, keeps the reports out of git, and sets up the
 * installed phase packages as `nx add` would (their own `init`, e.g. the deps plugin for the project graph).
 */
export async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeOptions(tree, schema);
  if (registerNxPlugin(tree, PLUGIN_NAME, options) && options.quiet && schema.quiet === undefined)
    logger.info(
      `Shipshape: the workspace has ${QUIET_FROM_PROJECTS} projects or more, so the audit lists only the findings that fail the gate ("quiet": true in nx.json's plugin options; the reports hold every finding). Set it to false to list them all.`,
    );
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

function normalizeOptions(tree: Tree, schema: InitGeneratorSchema): ShipshapeOptions {
  const options: ShipshapeOptions = { targetName: schema.targetName ?? DEFAULTS.targetName };
  if (schema.failOn && schema.failOn !== 'error') options.failOn = schema.failOn;
  if (schema.quiet ?? projectCount(tree) >= QUIET_FROM_PROJECTS) options.quiet = true;
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
