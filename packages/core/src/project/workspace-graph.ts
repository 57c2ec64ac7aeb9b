import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A project of the workspace, as Nx's project graph has it. */
export interface WorkspaceProjectNode {
  name: string;
  /** Workspace-relative root. */
  root: string;
  tags: string[];
}

/**
 * The workspace's projects and Nx's project-to-project dependency edges (from Nx's own import analysis and
 * plugins): what checks that look past their project use, instead of building another graph.
 */
export interface WorkspaceGraph {
  projects: WorkspaceProjectNode[];
  /** Project name to the names of the workspace projects it depends on (npm packages left out). */
  dependencies: Record<string, string[]>;
}

interface NxGraphFile {
  nodes?: Record<string, { name?: string; data?: { root?: string; tags?: string[] } }>;
  dependencies?: Record<string, Array<{ target: string }>>;
}

/**
 * The project graph Nx last computed for this workspace (`.nx/workspace-data/project-graph.json`, or under
 * NX_WORKSPACE_DATA_DIRECTORY). Nx writes it before it runs any task, so an audit run by Nx finds it.
 * Undefined when there is none or it cannot be read: checks then look at their own project only.
 */
export function readWorkspaceGraph(workspaceRoot: string): WorkspaceGraph | undefined {
  const dataDir = process.env.NX_WORKSPACE_DATA_DIRECTORY ?? join(workspaceRoot, '.nx', 'workspace-data');
  const file = join(dataDir.startsWith('/') || /^[A-Za-z]:/.test(dataDir) ? dataDir : join(workspaceRoot, dataDir), 'project-graph.json');
  if (!existsSync(file)) return undefined;
  let graph: NxGraphFile;
  try {
    graph = JSON.parse(readFileSync(file, 'utf8')) as NxGraphFile;
  } catch {
    return undefined;
  }
  const nodes = graph.nodes ?? {};
  const projects = Object.entries(nodes)
    .filter(([, node]) => typeof node.data?.root === 'string')
    .map(([name, node]) => ({ name, root: node.data!.root!, tags: node.data!.tags ?? [] }));
  const dependencies = Object.fromEntries(
    Object.entries(graph.dependencies ?? {}).map(([name, edges]) => [name, [...new Set(edges.map((e) => e.target).filter((t) => t in nodes))]]),
  );
  return { projects, dependencies };
}
