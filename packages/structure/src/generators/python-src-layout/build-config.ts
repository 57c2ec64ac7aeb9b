import type { PyProject, TomlEdit } from '@shipshape/core';

type Table = Record<string, unknown>;
const table = (value: unknown): Table | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Table) : undefined);

/**
 * The pyproject.toml edits that make the build find packages moved from `<name>` to `src/<name>`:
 * hatch's wheel `packages`, setuptools' `packages.find.where` or `package-dir`, poetry's `packages[].from`.
 * Build backends that find src/ by themselves (hatch without a list, flit, pdm) need none.
 */
export function buildConfigEdits(pyproject: PyProject, moved: string[]): { edits: TomlEdit[]; notes: string[] } {
  const edits: TomlEdit[] = [];
  const notes: string[] = [];
  const tool = table(pyproject.tool) ?? {};
  const wheel = table(table(table(table(tool.hatch)?.build)?.targets)?.wheel);
  if (Array.isArray(wheel?.packages)) {
    const packages = wheel.packages.map((p) => (typeof p === 'string' && moved.includes(p.replace(/\/+$/, '')) ? `src/${p.replace(/\/+$/, '')}` : p));
    edits.push({ path: ['tool', 'hatch', 'build', 'targets', 'wheel', 'packages'], value: packages });
  }
  const setuptools = table(tool.setuptools);
  const find = table(table(setuptools?.packages)?.find);
  if (find) edits.push({ path: ['tool', 'setuptools', 'packages', 'find', 'where'], value: ['src'] });
  else if (Array.isArray(setuptools?.packages)) edits.push({ path: ['tool', 'setuptools', 'package-dir'], value: { '': 'src' }, inline: true });
  const poetry = table(tool.poetry);
  if (Array.isArray(poetry?.packages)) {
    const packages = poetry.packages.map((entry) => {
      const include = table(entry)?.include;
      return typeof include === 'string' && moved.includes(include) ? { ...table(entry), from: 'src' } : entry;
    });
    edits.push({ path: ['tool', 'poetry', 'packages'], value: packages });
  }
  const backend = String(table(pyproject['build-system'])?.['build-backend'] ?? '');
  if (backend.startsWith('setuptools') && !find && !Array.isArray(setuptools?.packages)) {
    notes.push('setuptools discovers src/ by itself only with automatic discovery; check the built wheel holds the package');
  }
  return { edits, notes };
}
