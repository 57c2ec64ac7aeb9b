import { posix } from 'node:path';
import { parseJsonWithComments } from '@shipshape/core';
import type { DepsInput } from '../input';

interface TsConfig {
  extends?: string | string[];
  compilerOptions?: {
    types?: unknown;
    importHelpers?: unknown;
    jsxImportSource?: unknown;
    plugins?: unknown;
    paths?: Record<string, unknown>;
    baseUrl?: unknown;
  };
}

/** One tsconfig of the project, with what it says about packages. */
export interface TsConfigFacts {
  file: string;
  /** `compilerOptions.types`, `extends` of packages, `jsxImportSource`, `plugins[].name`: packages it needs. */
  packages: string[];
  importHelpers: boolean;
}

/** A `paths` alias: `pattern` (with at most one `*`) maps to workspace-relative `targets`. */
export interface PathAlias {
  pattern: string;
  targets: string[];
}

/** The project's own tsconfig files (`tsconfig.json`, `tsconfig.lib.json`, ...), a malformed one skipped. */
export function projectTsconfigs(input: DepsInput): TsConfigFacts[] {
  const root = input.project.root;
  return input
    .projectFiles()
    .filter((file) => posix.dirname(file) === (root === '.' ? '.' : root) && /^tsconfig(\.[\w-]+)?\.json$/.test(posix.basename(file)))
    .flatMap((file) => {
      const config = readTsconfig(input, file);
      if (!config) return [];
      const options = config.compilerOptions ?? {};
      const types = Array.isArray(options.types) ? options.types.filter((t): t is string => typeof t === 'string') : [];
      const extendsList = (Array.isArray(config.extends) ? config.extends : [config.extends]).filter((e): e is string => typeof e === 'string' && !/^[./]/.test(e));
      const plugins = Array.isArray(options.plugins) ? options.plugins.map((p) => (p as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string') : [];
      const jsx = typeof options.jsxImportSource === 'string' ? [options.jsxImportSource] : [];
      const importHelpers = inherited(input, file, (o) => (typeof o.importHelpers === 'boolean' ? o.importHelpers : undefined)) === true;
      return [{ file, packages: [...types.map(typesEntryPackage), ...extendsList, ...plugins, ...jsx], importHelpers }];
    });
}

/** A compiler option as the file sees it: its own value, else the nearest one of the (relative) files it extends. */
function inherited<T>(input: DepsInput, file: string, pick: (options: NonNullable<TsConfig['compilerOptions']>) => T | undefined, seen = new Set<string>()): T | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  const config = readTsconfig(input, file);
  if (!config) return undefined;
  const own = pick(config.compilerOptions ?? {});
  if (own !== undefined) return own;
  for (const parent of (Array.isArray(config.extends) ? [...config.extends] : [config.extends]).reverse()) {
    if (typeof parent !== 'string' || !/^\.\.?\//.test(parent)) continue;
    const found = inherited(input, posix.join(posix.dirname(file), parent.endsWith('.json') ? parent : `${parent}.json`), pick, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `"node"` in `types` is `@types/node`; `"vitest/globals"` is the vitest package. */
function typesEntryPackage(entry: string): string {
  if (entry.includes('/') && !entry.startsWith('@types/')) return entry;
  return entry.startsWith('@') ? entry : `@types/${entry}`;
}

/** The `paths` aliases that apply to the project: its tsconfig.json and the files it extends (relative ones). */
export function pathAliases(input: DepsInput): PathAlias[] {
  const start = input.project.root === '.' ? 'tsconfig.json' : `${input.project.root}/tsconfig.json`;
  const seen = new Set<string>();
  let paths: { values: Record<string, unknown>; base: string } | undefined;
  const visit = (file: string) => {
    if (seen.has(file) || paths) return;
    seen.add(file);
    const config = readTsconfig(input, file);
    if (!config) return;
    const options = config.compilerOptions ?? {};
    const dir = posix.dirname(file);
    if (options.paths && typeof options.paths === 'object') {
      paths = { values: options.paths, base: typeof options.baseUrl === 'string' ? posix.join(dir, options.baseUrl) : dir };
      return;
    }
    for (const parent of (Array.isArray(config.extends) ? config.extends : [config.extends]).reverse()) {
      if (typeof parent === 'string' && /^\.\.?\//.test(parent)) visit(posix.join(dir, parent.endsWith('.json') ? parent : `${parent}.json`));
    }
  };
  visit(start);
  if (!paths) return [];
  const { values, base } = paths;
  return Object.entries(values).map(([pattern, targets]) => ({
    pattern,
    targets: (Array.isArray(targets) ? targets : []).filter((t): t is string => typeof t === 'string').map((t) => posix.normalize(posix.join(base, t))),
  }));
}

/** The workspace path an aliased specifier points at, or undefined when no alias matches. */
export function resolveAlias(aliases: readonly PathAlias[], specifier: string): string | undefined {
  for (const { pattern, targets } of aliases) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === specifier) return targets[0];
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
      const matched = specifier.slice(prefix.length, specifier.length - suffix.length);
      return targets[0]?.replace('*', matched);
    }
  }
  return undefined;
}

function readTsconfig(input: DepsInput, file: string): TsConfig | undefined {
  const text = input.read(file);
  if (text === undefined) return undefined;
  try {
    return parseJsonWithComments<TsConfig>(text, file);
  } catch {
    return undefined; // a malformed tsconfig is the compiler's to report
  }
}
