import type { DepsOptions, ModuleInfo, PythonAnalysis, PythonEnvironment } from '@shipshape/core';
import type { NpmInstallation } from './npm/installed';
import type { WorkspacePackage } from './workspace';

/** A project of the workspace, as the dependency analysis sees its neighbours. */
export interface WorkspaceProjectRef {
  name: string;
  /** Workspace-relative root. */
  root: string;
}

/**
 * Everything the dependency analysis reads, the same whether a check reads the disk or a generator reads the
 * Nx Tree (with the changes of earlier generator steps). Paths are workspace-relative with forward slashes;
 * installed packages (node_modules) are always read from the disk.
 */
export interface DepsInput {
  project: WorkspaceProjectRef;
  /** Absolute workspace root on disk. */
  workspaceRoot: string;
  options: DepsOptions;
  /** Every file of the project. */
  projectFiles(): string[];
  read(path: string): string | undefined;
  isFile(path: string): boolean;
  /** Entry names of a folder; [] when it does not exist. */
  listDir(path: string): string[];
  /** The workspace's projects (this one included). */
  workspaceProjects(): WorkspaceProjectRef[];
  /** The workspace's projects that are npm or Python packages, with the names code imports them by (this one included). */
  workspacePackages(): WorkspacePackage[];
  /** Imports and exports of every TS/JS source file of the project. */
  typescriptModules(): Array<{ file: string; info: ModuleInfo }>;
  /** The `ast` pass over the project's Python files, keyed by workspace-relative path. */
  python(): Promise<PythonAnalysis>;
  /** The installed distributions of the interpreter the Python analysis uses. */
  pythonEnvironment(): Promise<PythonEnvironment | null>;
  /** The installed npm packages (node_modules, package-lock.json). */
  npmInstallation(): NpmInstallation;
}
