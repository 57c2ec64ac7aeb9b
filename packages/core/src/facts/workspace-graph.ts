/** A project of the workspace, as Nx (or, without Nx, the folders) has it. */
export interface WorkspaceProject {
  name: string;
  /** Workspace-relative root. */
  root: string;
  tags?: readonly string[];
}

/** The workspace's projects and, when Nx computed them, its project-to-project dependency edges. */
export interface WorkspaceGraph {
  projects: WorkspaceProject[];
  /** Project name to the names of the workspace projects it depends on; undefined when no graph says. */
  dependencies?: Record<string, string[]>;
}
