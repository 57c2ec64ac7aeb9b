import { posix } from 'node:path';
import { buildOutputs, packageJson, pythonPackages, type ShipshapeProject } from '@shipshape/core';

/** One public entry of a TypeScript package and the report it gets. */
export interface TypescriptEntry {
  /** The `exports` subpath ('.', './utils'), or '.' for a package without an exports map (main/types). */
  subpath: string;
  /** Project-relative report path: `api/<unscoped-name>.api.md`, `api/<unscoped-name>-utils.api.md`. */
  report: string;
  /** Workspace-relative declaration file the build wrote (the entry's `types` target), when it exists. */
  declarations?: string;
  /** Workspace-relative source the entry is built from, when known. */
  source?: string;
}

/** One top-level Python import package and its report. */
export interface PythonEntry {
  /** The import name (`pylib`). */
  name: string;
  /** Workspace-relative folder that holds the package (the search path for griffe). */
  searchPath: string;
  /** Project-relative report path: `api/<package>.api.md`. */
  report: string;
}

export const REPORT_FOLDER = 'api';

/** The name part of a package name: `@acme/tools` → `tools`. */
export function unscopedName(name: string): string {
  return name.replace(/^@[^/]+\//, '');
}

/**
 * The report file of an exports subpath: '.' → `api/<name>.api.md`; './utils' → `api/<name>-utils.api.md`;
 * './a/b' → `api/<name>-a-b.api.md` (characters outside `[A-Za-z0-9._-]` become `-`).
 */
export function reportFileOf(packageName: string, subpath: string): string {
  const base = unscopedName(packageName).replace(/[^A-Za-z0-9._-]+/g, '-');
  const rest = subpath
    .replace(/^\.\/?/, '')
    .replace(/\.[cm]?[jt]s$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${REPORT_FOLDER}/${rest ? `${base}-${rest}` : base}.api.md`;
}

/** What is not an API entry: the manifest, styles, data, patterns (a folder of files is not one API). */
const NOT_API = /\.(?:json|css|scss|less|wasm|node|svg|png|html|md|txt)$/;

/**
 * The public entries of a TypeScript package, one per `exports` subpath that leads to code (a pattern such as
 * `./internal/*` or `./package.json` is not one); a package without an exports map has one entry, '.', from
 * `types` / `main`. Empty when the package is private and has none, or has no package.json.
 */
export function typescriptEntries(project: ShipshapeProject): { entries: TypescriptEntry[]; skipped: string[] } {
  const manifest = project.get(packageJson);
  if (!manifest?.data || typeof manifest.data.name !== 'string') return { entries: [], skipped: [] };
  const name = manifest.data.name;
  const outputs = project.get(buildOutputs);
  const bySubpath = new Map<string, TypescriptEntry>();
  const skipped: string[] = [];
  const hasExports = manifest.data.exports !== undefined;
  for (const entry of outputs.entries) {
    const subpath = hasExports
      ? entry.subpath
      : entry.field[0] === 'types' || entry.field[0] === 'typings' || entry.field[0] === 'main' || entry.field[0] === 'module'
        ? '.'
        : undefined;
    if (!subpath || (hasExports && entry.field[0] !== 'exports')) continue;
    if (entry.pattern || subpath.includes('*') || NOT_API.test(subpath) || NOT_API.test(entry.target) || entry.kind === 'other') {
      if (!skipped.includes(subpath)) skipped.push(subpath);
      continue;
    }
    const found = bySubpath.get(subpath) ?? { subpath, report: reportFileOf(name, subpath) };
    if (entry.kind === 'types' && entry.exists && !found.declarations) found.declarations = entry.path;
    if (entry.source && /\.[cm]?tsx?$/.test(entry.source) && !/\.d\.[cm]?ts$/.test(entry.source) && !found.source)
      found.source = entry.source;
    if (entry.kind === 'types' && entry.exists && entry.source && /\.d\.[cm]?ts$/.test(entry.source) && !found.declarations)
      found.declarations = entry.source;
    // no types condition: TypeScript reads the declaration file next to the code (dist/index.js → dist/index.d.ts)
    if (entry.kind === 'code' && !entry.pattern && !found.declarations) {
      const sibling = entry.path.replace(/\.(c|m)?jsx?$/, (_all, flavour?: string) => `.d.${flavour ?? ''}ts`);
      if (sibling !== entry.path && project.workspace.source.isFile(sibling)) found.declarations = sibling;
    }
    bySubpath.set(subpath, found);
  }
  const sorted = [...bySubpath.values()]
    .filter((e) => e.declarations || e.source)
    .sort((a, b) =>
      a.subpath === '.' ? -1 : b.subpath === '.' ? 1 : a.subpath.length - b.subpath.length || a.subpath.localeCompare(b.subpath),
    );
  // two subpaths of one module ("./attribution" and "./attribution.js") are one API: the shorter one reports it
  const entries: TypescriptEntry[] = [];
  for (const entry of sorted) {
    const same = entries.find((e) => (e.declarations ?? e.source) === (entry.declarations ?? entry.source));
    if (same) skipped.push(`${entry.subpath} (the same module as ${same.subpath})`);
    else if (entries.some((e) => e.report === entry.report))
      entries.push({ ...entry, report: reportFileOf(name, `${entry.subpath}-entry`) });
    else entries.push(entry);
  }
  entries.sort((a, b) => (a.subpath === '.' ? -1 : b.subpath === '.' ? 1 : a.subpath.localeCompare(b.subpath)));
  for (const e of bySubpath.values()) if (!e.declarations && !e.source && !skipped.includes(e.subpath)) skipped.push(e.subpath);
  return { entries, skipped: skipped.filter((s) => !entries.some((e) => e.subpath === s)) };
}

/** The top-level import packages of a Python project (not tests), each with its report. */
export function pythonEntries(project: ShipshapeProject): PythonEntry[] {
  const packages = project.get(pythonPackages);
  return packages.folders
    .map((folder) => ({
      name: posix.basename(folder),
      searchPath: posix.dirname(folder),
      report: `${REPORT_FOLDER}/${posix.basename(folder)}.api.md`,
    }))
    .filter((p) => !p.name.startsWith('_') && !/^(?:tests?|testing|docs|examples?|scripts|benchmarks?)$/.test(p.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}
