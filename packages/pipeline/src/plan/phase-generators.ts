import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratorCallback, Tree } from '@nx/devkit';
import { PLAN_ITEMS, ShipshapeError, errorMessage, phasePackages } from '@shipshape/core';
import { discoverShipshapePackages, type ShipshapePackageInfo } from '@shipshape/core/engine';

export type PhaseGenerator = (
  tree: Tree,
  options: { project: string; skipFormat?: boolean },
) => Promise<GeneratorCallback | void> | GeneratorCallback | void;
export type InitGenerator = (tree: Tree, options: { skipFormat?: boolean }) => Promise<GeneratorCallback | void> | GeneratorCallback | void;

export interface PhaseRunPlan {
  generators: Array<{ packageName: string; generatorName: string; run: PhaseGenerator }>;
  /** Published packages the phase needs that are not installed: `nx add` them. */
  missing: string[];
  /** Packages the phase needs that are not published yet: there is nothing to add. */
  unpublished: string[];
}

/**
 * The phase packages published so far: those this release of the pipeline depends on (and so installs). A
 * package of the plan that is not among them does not exist on the registry yet, and `nx add` would fail.
 */
export function publishedPhasePackages(): string[] {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {}).filter((name) => PLAN_ITEMS.some((item) => item.package === name));
}

/** The installed phase packages of a phase, in their declared order, with their phase generators loaded. */
export function phaseGeneratorsFor(workspaceRoot: string, phase: number, extraPackages: readonly string[] = []): PhaseRunPlan {
  const installed = discoverShipshapePackages(workspaceRoot, extraPackages).filter((info) => info.phase === phase);
  installed.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.name.localeCompare(b.name));
  const absent = phasePackages(phase as 1).filter((name) => !installed.some((info) => info.name === name));
  const published = publishedPhasePackages();
  return {
    generators: installed.map((info) => loadGenerator<PhaseGenerator>(info, info.phaseGenerator ?? 'phase', true)),
    missing: absent.filter((name) => published.includes(name)),
    unpublished: absent.filter((name) => !published.includes(name)),
  };
}

/** The `init` generators of the installed phase packages (what `nx add` would run for each). */
export function phaseInitGenerators(workspaceRoot: string): Array<{ packageName: string; generatorName: string; run: InitGenerator }> {
  return discoverShipshapePackages(workspaceRoot)
    .filter((info) => info.phase !== undefined)
    .map((info) => loadGenerator<InitGenerator>(info, 'init', false))
    .filter((loaded): loaded is { packageName: string; generatorName: string; run: InitGenerator } => loaded !== undefined);
}

function loadGenerator<T>(
  info: ShipshapePackageInfo,
  generatorName: string,
  required: true,
): { packageName: string; generatorName: string; run: T };
function loadGenerator<T>(
  info: ShipshapePackageInfo,
  generatorName: string,
  required: false,
): { packageName: string; generatorName: string; run: T } | undefined;
function loadGenerator<T>(
  info: ShipshapePackageInfo,
  generatorName: string,
  required: boolean,
): { packageName: string; generatorName: string; run: T } | undefined {
  const collectionPath = join(info.dir, 'generators.json');
  let factory: string | undefined;
  try {
    const collection = JSON.parse(readFileSync(collectionPath, 'utf8')) as {
      generators?: Record<string, { factory?: string; implementation?: string }>;
    };
    const entry = collection.generators?.[generatorName];
    factory = entry?.factory ?? entry?.implementation;
  } catch (error) {
    throw new ShipshapeError(`cannot read the generators of ${info.name}: ${errorMessage(error)}`, collectionPath);
  }
  if (!factory) {
    if (!required) return undefined;
    throw new ShipshapeError(`${info.name} declares phase ${info.phase} but has no "${generatorName}" generator`, collectionPath);
  }
  const [modulePath, exportName] = factory.split('#');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- generators.json names the module at run time, as Nx loads it
  const loaded = require(join(info.dir, modulePath)) as Record<string, unknown>;
  const run = (exportName ? loaded[exportName] : (loaded.default ?? Object.values(loaded).find((v) => typeof v === 'function'))) as
    T | undefined;
  if (typeof run !== 'function')
    throw new ShipshapeError(`the "${generatorName}" generator of ${info.name} exports no function`, collectionPath);
  return { packageName: info.name, generatorName, run };
}
