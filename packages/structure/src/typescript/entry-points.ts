import { posix } from 'node:path';
import { defineFact, packageJson, type PackageJson } from '@shipshape/core';
import { sourceMapper } from './source-mapper';

export interface EntryPoint {
  /** Where the entry is declared: a package.json field path, e.g. ['exports', '.', 'import'] or ['main']. */
  field: (string | number)[];
  /** The path as written. */
  target: string;
  /** Workspace-relative path of the target. */
  path: string;
  /** Does the target exist (it may be a build output that is not built yet)? */
  exists: boolean;
  /** Workspace-relative source file the target is built from (or the target itself when it is source). */
  source?: string;
  /** The public subpath of an `exports` entry ('.', './utils'); undefined for main, types, bin. */
  subpath?: string;
}

type DeclaredEntry = Pick<EntryPoint, 'field' | 'target' | 'subpath'>;

const FIELDS = ['main', 'module', 'types', 'typings', 'browser'] as const;
const MAIN_FIELDS = ['main', 'module', 'types', 'typings'];
const DEFAULT_ENTRIES = ['src/index.ts', 'src/index.tsx', 'src/index.js', 'index.ts', 'index.js'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectExports(node: unknown, field: (string | number)[], subpath: string | undefined, out: DeclaredEntry[]) {
  if (typeof node === 'string') out.push({ field, target: node, subpath: subpath ?? '.' });
  else if (Array.isArray(node)) node.forEach((item, i) => collectExports(item, [...field, i], subpath, out));
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) collectExports(value, [...field, key], key.startsWith('.') ? key : subpath, out);
  }
}

/** Every entry point package.json declares: main, module, types, browser, bin, each leaf of exports. */
function declaredEntries(manifest: PackageJson): DeclaredEntry[] {
  const found: DeclaredEntry[] = [];
  for (const field of FIELDS) if (typeof manifest[field] === 'string') found.push({ field: [field], target: manifest[field] });
  if (typeof manifest.bin === 'string') found.push({ field: ['bin'], target: manifest.bin });
  else if (isObject(manifest.bin))
    for (const [name, target] of Object.entries(manifest.bin)) if (typeof target === 'string') found.push({ field: ['bin', name], target });
  collectExports(manifest.exports, ['exports'], undefined, found);
  return found.filter(({ target }) => !target.includes('*') && !/\.json$/.test(target));
}

/** The entry points package.json declares, each with the source file it is built from. */
export const entryPoints = defineFact({
  id: 'structure/entry-points',
  inputs: [packageJson, sourceMapper],
  compute: (project, manifest, toSource): EntryPoint[] =>
    (manifest ? declaredEntries(manifest.data) : []).map((entry) => {
      const path = posix.normalize(project.file(entry.target.replace(/^\.\//, '')));
      return { ...entry, path, exists: project.workspace.source.isFile(path), source: toSource(path) };
    }),
});

/** The library's main source entry: what `exports['.']` or main/types build from, else src/index.ts. */
export const mainEntry = defineFact({
  id: 'structure/main-entry',
  inputs: [entryPoints],
  compute: (project, entries): string | undefined => {
    const main =
      entries.find((e) => e.source && e.subpath === '.') ?? entries.find((e) => e.source && MAIN_FIELDS.includes(String(e.field[0])));
    if (main?.source) return main.source;
    return DEFAULT_ENTRIES.map((f) => project.file(f)).find((f) => project.workspace.source.isFile(f));
  },
});
