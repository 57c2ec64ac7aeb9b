import { dataAt, isTable, kindOf, shownValue, type PyProject, type TomlEdit } from '@shipshape/core';

/**
 * The pyproject.toml edits that make the build find packages moved from `<name>` to `src/<name>`:
 * hatch's wheel `packages`, setuptools' `packages.find.where` or `package-dir`, poetry's `packages[].from`.
 * Build backends that find src/ by themselves (hatch without a list, flit, pdm) need none.
 */
/**
 * The build settings the move depends on, when they have a kind their backend does not accept (`packages = "x"`
 * for Poetry's list of tables): moving the files without editing them would leave a build that finds nothing.
 */
export function buildConfigProblems(pyproject: PyProject): string[] {
  const problem = (path: string[], ok: (value: unknown) => boolean, expected: string) => {
    const value = dataAt(pyproject, path);
    return value === undefined || ok(value) ? [] : [`"${path.join('.')}" is ${kindOf(value)} (${shownValue(value)}), not ${expected}`];
  };
  const strings = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');
  return [
    ...problem(['tool', 'hatch', 'build', 'targets', 'wheel', 'packages'], strings, 'a list of folders'),
    ...problem(['tool', 'setuptools', 'packages'], (v) => strings(v) || isTable(v), 'a list of packages or a { find = ... } table'),
    ...problem(['tool', 'setuptools', 'package-dir'], isTable, 'a table'),
    ...problem(['tool', 'poetry', 'packages'], (v) => Array.isArray(v) && v.every(isTable), 'a list of { include = ... } tables'),
  ];
}

export function buildConfigEdits(pyproject: PyProject, moved: string[]): { edits: TomlEdit[]; notes: string[]; names: string[] } {
  const edits: TomlEdit[] = [];
  const notes: string[] = [];
  /** Keys whose values name import packages, not folders: they stay as they are after the move. */
  const names: string[] = [];
  const wheelPackages: unknown = dataAt(pyproject, ['tool', 'hatch', 'build', 'targets', 'wheel', 'packages']);
  if (Array.isArray(wheelPackages)) {
    const packages = wheelPackages.map((p: unknown) =>
      typeof p === 'string' && moved.includes(p.replace(/\/+$/, '')) ? `src/${p.replace(/\/+$/, '')}` : p,
    );
    edits.push({ path: ['tool', 'hatch', 'build', 'targets', 'wheel', 'packages'], value: packages });
  }
  const setuptoolsPackages: unknown = dataAt(pyproject, ['tool', 'setuptools', 'packages']);
  const find = isTable(dataAt(setuptoolsPackages, ['find']));
  if (find) edits.push({ path: ['tool', 'setuptools', 'packages', 'find', 'where'], value: ['src'] });
  else if (Array.isArray(setuptoolsPackages)) {
    edits.push({ path: ['tool', 'setuptools', 'package-dir'], value: { '': 'src' }, inline: true });
    names.push('packages');
  }
  const poetryPackages: unknown = dataAt(pyproject, ['tool', 'poetry', 'packages']);
  if (Array.isArray(poetryPackages)) {
    const packages = poetryPackages.map((entry: unknown) => {
      const include = dataAt(entry, ['include']);
      return isTable(entry) && typeof include === 'string' && moved.includes(include) ? { ...entry, from: 'src' } : entry;
    });
    edits.push({ path: ['tool', 'poetry', 'packages'], value: packages });
  }
  const backend = dataAt(pyproject, ['build-system', 'build-backend']);
  if (typeof backend === 'string' && backend.startsWith('setuptools') && !find && !Array.isArray(setuptoolsPackages)) {
    notes.push('setuptools discovers src/ by itself only with automatic discovery; check the built wheel holds the package');
  }
  return { edits, notes, names };
}
