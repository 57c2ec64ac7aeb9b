import { posix } from 'node:path';
import type { DepsInput } from '../input';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NOT_PACKAGES = new Set(['tests', 'test', 'docs', 'doc', 'scripts', 'examples', 'benchmarks', 'build', 'dist', 'node_modules', 'venv']);

/**
 * The top-level import names a Python project provides: packages (folders with `__init__.py`, or any folder
 * of modules under `src/`), the wheel packages a build backend names (hatch, setuptools), and a module
 * named like the distribution.
 */
export function pythonImportNames(input: Pick<DepsInput, 'listDir' | 'isFile'>, root: string, pyproject: Record<string, unknown> | undefined): Set<string> {
  const at = (relative: string) => (root === '.' ? relative : posix.join(root, relative));
  const names = new Set<string>();
  for (const name of input.listDir(at('src'))) {
    if (name.endsWith('.py') && IDENTIFIER.test(name.slice(0, -3))) names.add(name.slice(0, -3));
    else if (IDENTIFIER.test(name) && !NOT_PACKAGES.has(name) && input.listDir(at(`src/${name}`)).some((entry) => entry.endsWith('.py'))) names.add(name);
  }
  for (const name of input.listDir(at('.'))) {
    if (IDENTIFIER.test(name) && !NOT_PACKAGES.has(name) && input.isFile(at(`${name}/__init__.py`))) names.add(name);
  }
  for (const declared of backendPackages(pyproject)) names.add(posix.basename(declared));
  const distribution = (pyproject?.project as { name?: unknown } | undefined)?.name;
  if (typeof distribution === 'string') {
    const module = distribution.replace(/[-.]+/g, '_').toLowerCase();
    if (input.isFile(at(`${module}.py`)) || input.isFile(at(`${module}/__init__.py`))) names.add(module);
  }
  return names;
}

function backendPackages(pyproject: Record<string, unknown> | undefined): string[] {
  const tool = (pyproject?.tool ?? {}) as Record<string, any>;
  const candidates = [tool.hatch?.build?.targets?.wheel?.packages, tool.hatch?.build?.packages, tool.setuptools?.packages, tool.poetry?.packages?.map?.((p: { include?: unknown }) => p?.include)];
  return candidates.flatMap((list) => (Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string' && IDENTIFIER.test(posix.basename(p))) : []));
}
