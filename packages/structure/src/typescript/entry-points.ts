import { posix } from 'node:path';
import { libraryTsconfig } from './tsconfig';
import { type FileView, inProject } from '@shipshape/core';

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

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const OUTPUT_TO_SOURCE: Array<[RegExp, string[]]> = [
  [/\.d\.ts$/, ['.ts', '.tsx']],
  [/\.d\.mts$/, ['.mts']],
  [/\.d\.cts$/, ['.cts']],
  [/\.js$/, ['.ts', '.tsx', '.js', '.jsx']],
  [/\.mjs$/, ['.mts', '.mjs']],
  [/\.cjs$/, ['.cts', '.cjs']],
];
const FIELDS = ['main', 'module', 'types', 'typings', 'browser'] as const;

/** Every entry point package.json declares (main, module, types, browser, bin, each leaf of exports), with its source file. */
export function entryPoints(view: FileView, manifest: Record<string, unknown>): EntryPoint[] {
  const found: Array<Omit<EntryPoint, 'path' | 'exists' | 'source'>> = [];
  for (const field of FIELDS) if (typeof manifest[field] === 'string') found.push({ field: [field], target: manifest[field] as string });
  if (typeof manifest.bin === 'string') found.push({ field: ['bin'], target: manifest.bin });
  else if (isObject(manifest.bin)) for (const [name, target] of Object.entries(manifest.bin)) if (typeof target === 'string') found.push({ field: ['bin', name], target });
  collectExports(manifest.exports, ['exports'], undefined, found);
  const toSource = sourceMapper(view);
  return found
    .filter(({ target }) => !target.includes('*') && !/\.json$/.test(target))
    .map((entry) => {
      const path = posix.normalize(inProject(view.root, entry.target.replace(/^\.\//, '')));
      return { ...entry, path, exists: view.isFile(path), source: toSource(path) };
    });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectExports(node: unknown, field: (string | number)[], subpath: string | undefined, out: Array<Omit<EntryPoint, 'path' | 'exists' | 'source'>>) {
  if (typeof node === 'string') out.push({ field, target: node, subpath: subpath ?? '.' });
  else if (Array.isArray(node)) node.forEach((item, i) => collectExports(item, [...field, i], subpath, out));
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      const isSubpath = key.startsWith('.');
      collectExports(value, [...field, key], isSubpath ? key : subpath, out);
    }
  }
}

/**
 * From a build output to the source it is compiled from: the file itself when it is source; the same path
 * under rootDir when it is under the library tsconfig's outDir; `dist/x.js` or `lib/x.js` to `src/x.ts`.
 */
export function sourceMapper(view: FileView): (path: string) => string | undefined {
  const tsconfig = libraryTsconfig(view);
  const options = tsconfig?.compilerOptions ?? {};
  const srcDir = inProject(view.root, 'src');
  const rootDir = typeof options.rootDir === 'string' ? options.rootDir : view.files().some((f) => f.startsWith(`${srcDir}/`)) ? srcDir : view.root;
  const outDirs = [options.outDir, options.declarationDir].filter((d): d is string => typeof d === 'string');
  const findSource = (path: string): string | undefined => {
    if (SOURCE_EXTENSIONS.some((ext) => path.endsWith(ext)) && !/\.d\.[cm]?ts$/.test(path) && view.isFile(path)) return path;
    for (const [pattern, extensions] of OUTPUT_TO_SOURCE) {
      if (!pattern.test(path)) continue;
      for (const ext of extensions) {
        const candidate = path.replace(pattern, ext);
        if (view.isFile(candidate)) return candidate;
      }
    }
    return undefined;
  };
  return (path) => {
    const direct = findSource(path);
    if (direct) return direct;
    for (const outDir of outDirs) {
      if (path.startsWith(`${outDir}/`)) {
        const rest = path.slice(outDir.length + 1);
        const mapped = findSource(posix.join(rootDir, rest)) ?? findSource(posix.join(view.root, rest));
        if (mapped) return mapped;
      }
    }
    const local = /^(?:dist|lib|build|out)\/(?:src\/)?(.+)$/.exec(view.root === '.' ? path : path.slice(view.root.length + 1));
    return local ? findSource(posix.join(rootDir, local[1])) : undefined;
  };
}

/** The library's main source entry: what `exports['.']` or main/types build from, else src/index.ts. */
export function mainSourceEntry(view: FileView, manifest: Record<string, unknown> | undefined): string | undefined {
  const entries = manifest ? entryPoints(view, manifest) : [];
  const main = entries.find((e) => e.source && e.subpath === '.') ?? entries.find((e) => e.source && ['main', 'module', 'types', 'typings'].includes(String(e.field[0])));
  if (main?.source) return main.source;
  return ['src/index.ts', 'src/index.tsx', 'src/index.js', 'index.ts', 'index.js'].map((f) => inProject(view.root, f)).find((f) => view.isFile(f));
}
