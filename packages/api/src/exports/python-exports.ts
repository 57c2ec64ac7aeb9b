import { join, posix } from 'node:path';
import {
  defineBatchedFilePass,
  importedModuleFile,
  pythonFiles,
  pythonInterpreter,
  pythonPackages,
  runProcess,
  ShipshapeError,
  type PythonPackages,
  type ShipshapeProject,
} from '@shipshape/core';

export interface Span {
  /** 1-based. */
  line: number;
  /** 0-based, in characters. */
  column: number;
  endLine: number;
  endColumn: number;
}

export interface AllStatement {
  /** `assign` (`__all__ = [...]`), `extend` (`+=`, `.extend`), `append`, or another method call. */
  kind: string;
  statement: Span;
  value: Span | null;
  container: 'list' | 'tuple';
  /** The literal strings, each with its span; null when the value is computed. */
  elements: Array<Span & { name: string }> | null;
}

export interface PythonImportBinding {
  kind: 'import' | 'from';
  module: string;
  /** The imported name of a from-import; null for `import x`. */
  name: string | null;
  /** The name bound in the module. */
  bound: string;
  level: number;
  line: number;
  typeChecking: boolean;
  /** Inside a module-level if/try/with/for block: it may not run. */
  conditional: boolean;
}

/** One module, as python_exports.py reads it. */
export interface PythonModuleExports {
  error: { message: string; line: number | null } | null;
  /** Every name bound at module scope (definitions, assignments, loops, with, except, imports, `global` in functions). */
  bound: Record<string, { line: number; kind: string }>;
  /** Names defined by def, class and assignments (not imports), in source order. */
  definitions: Array<{ name: string; line: number; conditional: boolean; typeChecking: boolean }>;
  imports: PythonImportBinding[];
  starImports: Array<{ module: string; level: number; line: number }>;
  /** What may bind names no statement shows: a module `__getattr__`, globals(), exec, sys.modules. */
  dynamic: Array<{ line: number; reason: string }>;
  /** Names the module's own code reads (loads and attribute bases), anywhere in it. */
  used: string[];
  all: { statements: AllStatement[]; literal: boolean } | null;
  /** The line after the docstring and leading imports (0: the top of the file). */
  insertAfter: number;
}

const SCRIPT = join(__dirname, 'python_exports.py');
const TIMEOUT_MS = 120_000;

/** Reads the given Python sources (path to text) with python_exports.py. */
export async function readPythonExports(python: string, sources: Record<string, string>): Promise<Record<string, PythonModuleExports>> {
  if (Object.keys(sources).length === 0) return {};
  const result = await runProcess(python, [SCRIPT], { timeoutMs: TIMEOUT_MS, input: JSON.stringify({ files: sources }) });
  if (result.code !== 0)
    throw new ShipshapeError(
      `the export analysis of the Python modules failed (${python}): ${result.timedOut ? 'timed out' : (result.spawnError?.message ?? result.stderr.trim().slice(-400))}`,
    );
  return JSON.parse(result.stdout) as Record<string, PythonModuleExports>;
}

/** Every Python file of the project, read as the run sees it (a generator's Tree with its pending changes, or the disk). */
export const pythonExports = defineBatchedFilePass<PythonModuleExports>({
  id: 'api/python-exports',
  sources: (project) => {
    const sources: Record<string, string> = {};
    for (const file of project.get(pythonFiles)) {
      const text = project.workspace.source.isFile(file) ? project.workspace.source.read(file) : undefined;
      if (text !== undefined && text.length <= project.options.maxFileBytes && !text.includes('\u0000'))
        sources[file] = text.replace(/^\uFEFF/, '');
    }
    return sources;
  },
  run: async (workspace, sources) => readPythonExports(await workspace.get(pythonInterpreter), sources),
});

const NOT_PUBLIC_FOLDERS = new Set(['tests', 'test', 'testing', 'examples', 'benchmarks', 'docs']);

/** The top-level import package folder that holds a file. */
export function packageOf(packages: PythonPackages, file: string): string | undefined {
  return packages.folders.find((p) => file.startsWith(`${p}/`));
}

/**
 * A module of the library's public surface: inside an import package, no `_private` folder or module on its
 * path (`__init__.py` is the package itself), not a test, not `__main__`.
 */
export function isPublicModule(packages: PythonPackages, file: string): boolean {
  const top = packageOf(packages, file);
  if (!top) return false;
  const segments = file.slice(posix.dirname(top).length + 1).split('/');
  const name = segments.pop()!;
  if (segments.some((s) => s.startsWith('_') || NOT_PUBLIC_FOLDERS.has(s))) return false;
  if (name === '__init__.py') return true;
  return !name.startsWith('_') && !name.startsWith('test_') && !name.endsWith('_test.py') && name !== 'conftest.py';
}

/** Is `name` a submodule of the package whose `__init__.py` this is (`from pkg import *` imports those listed in `__all__`)? */
export function isSubmodule(project: ShipshapeProject, init: string, name: string): boolean {
  if (!init.endsWith('/__init__.py')) return false;
  const dir = posix.dirname(init);
  const source = project.workspace.source;
  return (
    source.isFile(`${dir}/${name}.py`) ||
    source.isFile(`${dir}/${name}/__init__.py`) ||
    source.children(`${dir}/${name}`).some((c) => c.endsWith('.py'))
  );
}

/** The literal names of `__all__`, in order; undefined when any statement that builds it is computed. */
export function literalAll(module: PythonModuleExports): string[] | undefined {
  if (!module.all?.literal) return undefined;
  const names: string[] = [];
  for (const statement of module.all.statements) for (const e of statement.elements ?? []) if (!names.includes(e.name)) names.push(e.name);
  return names;
}

/**
 * The names `from module import *` gives: its literal `__all__`, else its public bound names, star imports
 * followed through the project's own modules. Undefined when that cannot be known without running it.
 */
export function starExportedNames(
  project: ShipshapeProject,
  modules: Record<string, PythonModuleExports>,
  file: string,
  seen: Set<string> = new Set(),
): Set<string> | undefined {
  const module = modules[file];
  if (!module || module.error || seen.has(file)) return undefined;
  if (module.all) {
    const all = literalAll(module);
    return all ? new Set(all) : undefined;
  }
  const names = boundNames(project, modules, file, new Set([...seen, file]));
  return names && new Set([...names].filter((n) => !n.startsWith('_')));
}

/**
 * Every name bound in the module at import time, star imports followed; undefined when something may bind
 * names no statement shows (module `__getattr__`, globals(), exec, a star import of a module not in the project).
 */
export function boundNames(
  project: ShipshapeProject,
  modules: Record<string, PythonModuleExports>,
  file: string,
  seen: Set<string> = new Set([file]),
): Set<string> | undefined {
  const module = modules[file];
  if (!module || module.error || module.dynamic.length > 0) return undefined;
  const names = new Set(Object.keys(module.bound));
  for (const star of module.starImports) {
    const target = importedModuleFile(project, file, star.module, star.level);
    const more = target ? starExportedNames(project, modules, target, seen) : undefined;
    if (!more) return undefined;
    more.forEach((n) => names.add(n));
  }
  return names;
}

/** Does the import bind a submodule of the project rather than a name defined in a module? */
export function importsSubmodule(project: ShipshapeProject, file: string, binding: PythonImportBinding): boolean {
  if (binding.kind === 'import') return true;
  const dotted = binding.module ? `${binding.module}.${binding.name}` : binding.name!;
  return importedModuleFile(project, file, dotted, binding.level) !== undefined;
}

/**
 * A from-import that always runs, of the project's own code, bound to a public name: in a package's `__init__.py`,
 * a name its `__all__` should list (`from .ledger import Ledger`).
 */
export function isOwnPublicImport(project: ShipshapeProject, binding: PythonImportBinding): boolean {
  return (
    binding.kind === 'from' &&
    !binding.typeChecking &&
    !binding.conditional &&
    !binding.bound.startsWith('_') &&
    isOwnImport(project, binding)
  );
}

/** Does the import come from the project's own package (relative, or absolute under one of its top-level packages)? */
function isOwnImport(project: ShipshapeProject, binding: PythonImportBinding): boolean {
  if (binding.level > 0) return true;
  const top = binding.module.split('.')[0];
  return project.get(pythonPackages).folders.some((p) => posix.basename(p) === top);
}

type Casing = 0 | 1 | 2;
/** RUF022's isort-style groups: SCREAMING_SNAKE_CASE, then CamelCase, then the rest. */
function casing(name: string): Casing {
  if (name.length > 1 && name === name.toUpperCase() && /[A-Z]/.test(name)) return 0;
  if (/^_*[A-Z]/.test(name)) return 1;
  return 2;
}

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'variant', caseFirst: 'upper' });
const codepoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order the generator writes `__all__` in: Ruff's RUF022 (isort-style: constants, classes, the rest; natural order within). */
export function isortStyle(a: string, b: string): number {
  return casing(a) - casing(b) || natural.compare(a, b) || codepoint(a, b);
}

const isSortedBy = (names: readonly string[], compare: (a: string, b: string) => number) =>
  names.every((name, i) => i === 0 || compare(names[i - 1], name) <= 0);

const ORDERS: ReadonlyArray<(a: string, b: string) => number> = [
  codepoint,
  (a, b) => codepoint(a.toLowerCase(), b.toLowerCase()),
  isortStyle,
  (a, b) => natural.compare(a, b),
];

/** The order a list is sorted in: `sorted()`, case-insensitive, RUF022's isort-style, or natural; undefined when none. */
export function sortOrderOf(names: readonly string[]): ((a: string, b: string) => number) | undefined {
  return ORDERS.find((order) => isSortedBy(names, order));
}

/** Sorted in one of the orders people and tools use. */
export function isSortedAll(names: readonly string[]): boolean {
  return sortOrderOf(names) !== undefined;
}
