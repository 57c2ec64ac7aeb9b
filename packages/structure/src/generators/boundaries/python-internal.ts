import { posix } from 'node:path';
import type { FileView } from '@shipshape/core';

export const INTERNAL_PACKAGE = '_internal';

/** The `_internal` subpackage of each top-level import package, with a docstring that states the convention. */
export function internalPackageInit(packageFolder: string): { path: string; text: string } {
  const name = posix.basename(packageFolder);
  return {
    path: `${packageFolder}/${INTERNAL_PACKAGE}/__init__.py`,
    text: `"""Internal modules of ${name}: not part of its public API.

Code in ${name}.${INTERNAL_PACKAGE} may change in any release. Other projects import only what ${name}
exports (its __all__); Shipshape's structure/deep-import check reports imports of ${name}.${INTERNAL_PACKAGE}
or of any other _private module or name from outside the project.
"""
`,
  };
}

export function hasInternalPackage(view: FileView, packageFolder: string): boolean {
  return view.files().some((f) => f.startsWith(`${packageFolder}/${INTERNAL_PACKAGE}/`) || f === `${packageFolder}/${INTERNAL_PACKAGE}.py`);
}
