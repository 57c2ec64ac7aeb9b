import { posix } from 'node:path';
import { defineFact, pythonPackages, type ShipshapeProject, type WorkspaceProject } from '@shipshape/core';
import { nxProjectGraph } from '../typescript/nx-graph';

/** A top-level import package of another project of the workspace. */
export interface PythonPackageOwner {
  project: WorkspaceProject;
  /** Workspace-relative folder of the top-level package. */
  folder: string;
}

function packageFoldersOf(other: ShipshapeProject): string[] {
  try {
    return other.get(pythonPackages).folders;
  } catch {
    return []; // a malformed pyproject.toml: that project's own audit reports the file
  }
}

/**
 * The top-level import packages of the other Python projects of Nx's graph, by name (Nx has no Python edges:
 * imports are matched by module name); undefined without Nx's graph.
 */
export const otherPythonPackages = defineFact({
  id: 'structure/other-python-packages',
  inputs: [nxProjectGraph],
  compute: (project, graph): Map<string, PythonPackageOwner> | undefined => {
    if (!graph) return undefined;
    const owners = new Map<string, PythonPackageOwner>();
    for (const other of graph.projects) {
      if (other.name === project.name || !project.workspace.source.isFile(posix.join(other.root, 'pyproject.toml'))) continue;
      for (const folder of packageFoldersOf(project.workspace.project(other)))
        owners.set(posix.basename(folder), { project: other, folder });
    }
    return owners;
  },
});

/** The module file of `dotted` (`ledger.journal`) inside a package folder, if it exists. */
export function moduleFile(owner: PythonPackageOwner, dotted: string, isFile: (path: string) => boolean): string | undefined {
  const base = posix.join(owner.folder, ...dotted.split('.').slice(1));
  return [`${base}.py`, `${base}/__init__.py`].find(isFile);
}
