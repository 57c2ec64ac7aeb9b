import type { CreateDependencies, CreateNodesContextV2, CreateNodesResult, CreateNodesV2 } from '@nx/devkit';
import { isPluginRegistered, matchesGlob } from '@shipshape/core/plugin';

/**
 * The phase packages' Nx plugins the pipeline's plugin runs in its own worker: each plugin registered in nx.json
 * is a worker process that every Nx command starts and loads (about a CPU-second each on two cores). A phase
 * plugin registered by itself (an older workspace, or `nx add` of the phase package alone) runs there, not here.
 */
interface HostedPlugin {
  /** Its name in nx.json. */
  name: string;
  load(): { createNodes?: CreateNodesV2<Record<string, never>>; createDependencies?: CreateDependencies<Record<string, never>> };
}

type Loaded = ReturnType<HostedPlugin['load']>;

// Each is required when the graph is computed, not when the worker starts.
const HOSTED: readonly HostedPlugin[] = [
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  { name: '@shipshape/api/plugin', load: () => require('@shipshape/api/plugin') as Loaded },
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  { name: '@shipshape/deps', load: () => require('@shipshape/deps/plugin') as Loaded },
];

function hosted(nxJson: { plugins?: unknown } | undefined): Loaded[] {
  return HOSTED.filter((plugin) => !isPluginRegistered(nxJson, plugin.name)).flatMap((plugin) => {
    try {
      return [plugin.load()];
    } catch {
      return []; // not installed
    }
  });
}

/** The nodes the hosted plugins infer from the files their own globs match. */
export async function hostedNodes(
  files: readonly string[],
  context: CreateNodesContextV2,
): Promise<Array<readonly [file: string, value: CreateNodesResult]>> {
  const results: Array<readonly [string, CreateNodesResult]> = [];
  for (const plugin of hosted(context.nxJsonConfiguration)) {
    if (!plugin.createNodes) continue;
    const [glob, create] = plugin.createNodes;
    const matching = files.filter((file) => matchesGlob(file, glob));
    if (matching.length > 0)
      results.push(...(await create(matching, {}, context)).filter(([, result]) => Object.keys(result.projects ?? {}).length > 0));
  }
  return results;
}

/** Nodes of the same file in one result: the targets of both, the first's other settings kept. */
export function mergeNodes(
  first: ReadonlyArray<readonly [string, CreateNodesResult]>,
  second: ReadonlyArray<readonly [string, CreateNodesResult]>,
): Array<readonly [string, CreateNodesResult]> {
  const merged = new Map(first.map(([file, result]) => [file, result]));
  for (const [file, result] of second) {
    const existing = merged.get(file);
    if (!existing) {
      merged.set(file, result);
      continue;
    }
    const projects = { ...existing.projects };
    for (const [root, project] of Object.entries(result.projects ?? {})) {
      const own = projects[root];
      projects[root] = own ? { ...project, ...own, targets: { ...project.targets, ...own.targets } } : project;
    }
    merged.set(file, { ...existing, projects });
  }
  return [...merged];
}

/** The dependencies the hosted plugins add to the project graph. */
export const createDependencies: CreateDependencies = async (_options, context) => {
  const edges = [];
  for (const plugin of hosted(context.nxJsonConfiguration))
    if (plugin.createDependencies) edges.push(...(await plugin.createDependencies({}, context)));
  return edges;
};
