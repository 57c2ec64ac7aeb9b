import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { listProjectFiles, type ShipshapeProject, type WorkspaceProjectNode } from '@shipshape/core';
import { pythonLayout } from './layout';

export interface PythonPackageOwner {
  project: WorkspaceProjectNode;
  /** Workspace-relative folder of the top-level package. */
  folder: string;
}

/** The top-level import packages of the other Python projects of the workspace, by name (Nx has no Python edges: imports are matched by module name). */
export function otherPythonPackages(project: ShipshapeProject): Map<string, PythonPackageOwner> {
  const owners = new Map<string, PythonPackageOwner>();
  for (const other of project.workspaceGraph()?.projects ?? []) {
    if (other.name === project.name || !existsSync(join(project.workspaceRoot, other.root, 'pyproject.toml'))) continue;
    const { files } = listProjectFiles({ workspaceRoot: project.workspaceRoot, projectRoot: other.root, maxFileBytes: project.options.maxFileBytes });
    const names = files.map((f) => f.file);
    const layout = pythonLayout({ root: other.root, files: () => names, exists: () => false, isFile: (p) => names.includes(p), read: () => undefined });
    for (const folder of layout.packages) owners.set(posix.basename(folder), { project: other, folder });
  }
  return owners;
}

/** The module file of `dotted` (`ledger.journal`) inside a package folder, if it exists. */
export function moduleFile(owner: PythonPackageOwner, dotted: string, isFile: (path: string) => boolean): string | undefined {
  const rest = dotted.split('.').slice(1);
  const base = posix.join(owner.folder, ...rest);
  return [`${base}.py`, `${base}/__init__.py`].find(isFile);
}
