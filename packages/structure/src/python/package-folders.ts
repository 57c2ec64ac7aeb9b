import { posix } from 'node:path';
import { defineFact, pythonFiles, pythonPackages, type PythonPackages } from '@shipshape/core';

/** Project-root files that belong there (tool entry points), not in the package. */
export const ROOT_MODULES_ALLOWED = new Set([
  'setup.py',
  'conftest.py',
  'noxfile.py',
  'tasks.py',
  'fabfile.py',
  'manage.py',
  'docs_conf.py',
  'hatch_build.py',
]);

const isHidden = (segment: string) => segment.startsWith('.') || segment.endsWith('.egg-info') || segment === '__pycache__';

/** The top-level import package folder that holds a path (the folder itself included). */
function packageOf(packages: PythonPackages, path: string): string | undefined {
  return packages.folders.find((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Every folder of an import package (the package itself included) that holds Python code somewhere below it:
 * the folders that are packages, and so need an `__init__.py` unless they are namespace packages.
 */
export const packageFolders = defineFact({
  id: 'structure/python-package-folders',
  inputs: [pythonFiles, pythonPackages],
  compute: (_project, files, packages): string[] => {
    const folders = new Set<string>();
    for (const file of files) {
      const top = packageOf(packages, file);
      if (!top || top === file) continue;
      for (let dir = posix.dirname(file); dir.length >= top.length && posix.basename(dir) !== '__pycache__'; dir = posix.dirname(dir))
        folders.add(dir);
    }
    return [...folders].filter((f) => !f.split('/').some(isHidden)).sort();
  },
});

/** The dotted module name of a package folder or module file (`src/acme/ledger/core.py` is `acme.ledger.core`). */
export function moduleName(packages: PythonPackages, path: string): string | undefined {
  const top = packageOf(packages, path);
  if (!top) return undefined;
  const base = posix.dirname(top);
  const rel = base === '.' ? path : path.slice(base.length + 1);
  return rel
    .replace(/\/__init__\.py$/, '')
    .replace(/\.py$/, '')
    .split('/')
    .join('.');
}
