import type { WorkspaceGraph } from '../workspace-graph';

/** What of Nx's project graph (as Nx gives it to an executor, or as it writes it to its cache) the workspace graph takes. */
export interface NxGraphFile {
  nodes?: Record<string, { name?: string; data?: { root?: string; tags?: string[] } }>;
  dependencies?: Record<string, Array<{ target: string }>>;
}

/** Nx's project graph (an executor's `context.projectGraph`, or the cached file) as Shipshape's workspace graph. */
export function fromNxGraph(graph: NxGraphFile): WorkspaceGraph {
  const nodes = graph.nodes ?? {};
  const projects = Object.entries(nodes)
    .filter(([, node]) => typeof node.data?.root === 'string')
    .map(([name, node]) => ({ name, root: node.data!.root!, tags: node.data!.tags ?? [] }));
  const dependencies = Object.fromEntries(
    Object.entries(graph.dependencies ?? {}).map(([name, edges]) => [
      name,
      [...new Set(edges.map((e) => e.target).filter((t) => t in nodes))],
    ]),
  );
  return { projects, dependencies };
}
