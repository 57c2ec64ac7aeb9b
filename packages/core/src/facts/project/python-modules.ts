import { posix } from 'node:path';
import type { ShipshapeProject } from '../shipshape-project';
import { pythonPackages } from './python';

/**
 * The project file a from-import in `fromFile` names, as a module (`x.py`) or a package (`x/__init__.py`): a
 * relative import (`from .x import a`, `level` 1), or an absolute one of the project's own packages. Undefined
 * for another distribution's module, or a module the project does not have.
 */
export function importedModuleFile(project: ShipshapeProject, fromFile: string, module: string, level: number): string | undefined {
  let base: string;
  if (level > 0) {
    base = posix.dirname(fromFile);
    for (let i = 1; i < level; i++) base = posix.dirname(base);
  } else {
    const top = project.get(pythonPackages).folders.find((p) => module === posix.basename(p) || module.startsWith(`${posix.basename(p)}.`));
    if (!top) return undefined;
    base = posix.dirname(top);
  }
  const path = module ? posix.join(base, ...module.split('.')) : base;
  return [`${path}.py`, `${path}/__init__.py`].find((candidate) => project.workspace.source.isFile(candidate));
}
