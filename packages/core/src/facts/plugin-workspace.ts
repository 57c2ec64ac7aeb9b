import { DEFAULT_OPTIONS } from '../config/options';
import { diskSource } from '../file-system/file-source';
import { ShipshapeWorkspace } from './shipshape-workspace';

/** What Nx gives an Nx plugin function (`createDependencies`, `createNodes`) about the workspace. */
export interface PluginContext {
  workspaceRoot: string;
  /** Nx's projects by name, when the function is given them (`createDependencies`). */
  projects?: Record<string, { root: string; tags?: string[] }>;
}

/**
 * An Nx plugin's view of the workspace: the disk, and Nx's projects when the context has them. It sees the
 * default options (a plugin reads no project's audit options). One per call: nothing outlives it.
 */
export function pluginWorkspace(context: PluginContext): ShipshapeWorkspace {
  const projects =
    context.projects && Object.entries(context.projects).map(([name, project]) => ({ name, root: project.root, tags: project.tags ?? [] }));
  return new ShipshapeWorkspace({ source: diskSource(context.workspaceRoot), options: DEFAULT_OPTIONS, graph: projects && { projects } });
}
