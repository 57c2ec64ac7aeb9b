import { posix } from 'node:path';
import { projectFiles, pythonPackages, type ShipshapeProject } from '@shipshape/core';

const INTERNAL_PACKAGE = '_internal';

/** The `_internal` subpackage of a top-level import package, with a docstring that states the convention. */
function internalPackageInit(packageFolder: string): { path: string; content: string } {
  const name = posix.basename(packageFolder);
  return {
    path: `${packageFolder}/${INTERNAL_PACKAGE}/__init__.py`,
    content: `"""Internal modules of ${name}: not part of its public API.

Code in ${name}.${INTERNAL_PACKAGE} may change in any release. Other projects import only what ${name}
exports (its __all__); Shipshape's structure/deep-import check reports imports of ${name}.${INTERNAL_PACKAGE}
or of any other _private module or name from outside the project.
"""
`,
  };
}

/** An `_internal` subpackage for each import package (with an `__init__.py`) that has none yet. */
export function internalPackages(project: ShipshapeProject): Array<{ path: string; content: string }> {
  const files = project.get(projectFiles).map((f) => f.file);
  const hasInternal = (folder: string) =>
    files.some((f) => f.startsWith(`${folder}/${INTERNAL_PACKAGE}/`) || f === `${folder}/${INTERNAL_PACKAGE}.py`);
  return project
    .get(pythonPackages)
    .folders.filter((folder) => files.includes(`${folder}/__init__.py`) && !hasInternal(folder))
    .map(internalPackageInit);
}
