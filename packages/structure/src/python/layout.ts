import { posix } from 'node:path';
import { type FileView, inProject, projectRelative } from '@shipshape/core';

/** Top-level folders of a Python project that are never import packages. */
const NOT_PACKAGES = new Set(['tests', 'test', 'docs', 'doc', 'scripts', 'examples', 'example', 'benchmarks', 'bench', 'build', 'dist', 'src', 'site', 'htmlcov', 'venv', 'env', 'tools', 'node_modules']);

/** Project-root files that belong there (tool entry points), not in the package. */
export const ROOT_MODULES_ALLOWED = new Set(['setup.py', 'conftest.py', 'noxfile.py', 'tasks.py', 'fabfile.py', 'manage.py', 'docs_conf.py', 'hatch_build.py']);

export interface PythonLayout {
  /** `src`: packages under src/; `flat`: packages at the project root; `mixed`: both; `none`: no package found. */
  kind: 'src' | 'flat' | 'mixed' | 'none';
  /** Workspace-relative folders of the top-level import packages. */
  packages: string[];
  /** Python files directly at the project root (workspace-relative). */
  rootModules: string[];
}

const isHidden = (segment: string) => segment.startsWith('.') || segment.endsWith('.egg-info') || segment === '__pycache__';

/** Where the project's import packages are, from its files. */
export function pythonLayout(view: FileView): PythonLayout {
  const py = view.files().filter((f) => f.endsWith('.py')).map((f) => projectRelative(view.root, f));
  const srcPackages = new Set<string>();
  const flatPackages = new Set<string>();
  const rootModules: string[] = [];
  for (const file of py) {
    const parts = file.split('/');
    if (parts.some(isHidden)) continue;
    if (parts.length === 1) rootModules.push(inProject(view.root, file));
    else if (parts[0] === 'src' && parts.length >= 3) srcPackages.add(inProject(view.root, `src/${parts[1]}`));
    else if (parts.length >= 2 && !NOT_PACKAGES.has(parts[0])) flatPackages.add(inProject(view.root, parts[0]));
  }
  const kind = srcPackages.size > 0 && flatPackages.size > 0 ? 'mixed' : srcPackages.size > 0 ? 'src' : flatPackages.size > 0 ? 'flat' : 'none';
  return { kind, packages: [...srcPackages, ...flatPackages].sort(), rootModules: rootModules.sort() };
}

/**
 * Every folder of an import package (the package itself included) that holds Python code somewhere below it:
 * the folders that are packages, and so need an `__init__.py` unless they are namespace packages.
 */
export function packageFolders(view: FileView, layout: PythonLayout): string[] {
  const folders = new Set<string>();
  for (const file of view.files()) {
    if (!file.endsWith('.py')) continue;
    const top = layout.packages.find((p) => file.startsWith(`${p}/`));
    if (!top) continue;
    let dir = posix.dirname(file);
    while (dir.length >= top.length) {
      if (posix.basename(dir) === '__pycache__') break;
      folders.add(dir);
      dir = posix.dirname(dir);
    }
  }
  return [...folders].filter((f) => !f.split('/').some(isHidden)).sort();
}

/** The dotted module name of a package folder or module file (`src/acme/ledger/core.py` is `acme.ledger.core`). */
export function moduleName(layout: PythonLayout, path: string): string | undefined {
  const top = layout.packages.find((p) => path === p || path.startsWith(`${p}/`));
  if (!top) return undefined;
  const base = posix.dirname(top);
  const rel = base === '.' ? path : path.slice(base.length + 1);
  return rel.replace(/\/__init__\.py$/, '').replace(/\.py$/, '').split('/').join('.');
}
