import { defineFact, workspaceGraph, type WorkspaceProject } from '@shipshape/core';

/** Nx's project graph, with the edges its import analysis and plugins found between the workspace's projects. */
export interface NxProjectGraph {
  projects: WorkspaceProject[];
  dependencies: Record<string, string[]>;
}

/**
 * Nx's project graph when Nx computed one that knows this project; undefined otherwise (an audit run outside
 * Nx): checks that compare a project with the others then have nothing to compare with.
 */
export const nxProjectGraph = defineFact({
  id: 'structure/nx-project-graph',
  inputs: [workspaceGraph],
  compute: (project, graph): NxProjectGraph | undefined =>
    graph.dependencies && graph.projects.some((p) => p.root === project.root)
      ? { projects: graph.projects, dependencies: graph.dependencies }
      : undefined,
});

/** The projects Nx says depend on `name`. */
export function dependentsOf(graph: NxProjectGraph, name: string): WorkspaceProject[] {
  return graph.projects.filter((p) => p.name !== name && (graph.dependencies[p.name] ?? []).includes(name));
}
