import { posix } from 'node:path';
import type { FileSource } from '../../file-system/file-source';
import { parseJsonWithComments } from '../../manifest/jsonc';
import { defineFact } from '../fact';
import { projectFiles } from './files';

/** A tsconfig as the compiler reads it: its `extends` chain followed (relative files and packages), paths made workspace-relative. */
export interface Tsconfig {
  /** Workspace-relative path of the file. */
  path: string;
  /** The files read, this one first, then what it extends (nearest first). */
  chain: string[];
  /** Merged compiler options; `outDir`, `rootDir`, `baseUrl`, `declarationDir`, `tsBuildInfoFile` workspace-relative. */
  compilerOptions: Record<string, unknown>;
  /** Workspace-relative patterns, from the nearest file that sets them. */
  include?: string[];
  exclude?: string[];
  files?: string[];
  /** Workspace-relative paths of the referenced projects' tsconfig files (`references`). */
  references: string[];
  /** Packages named by `extends` (`@tsconfig/node20/tsconfig.json` is `@tsconfig/node20`). */
  extendsPackages: string[];
  /** `paths` with the folder its patterns are relative to (workspace-relative), from the nearest file that sets it. */
  paths?: { values: Record<string, unknown>; base: string };
}

const PATH_OPTIONS = ['outDir', 'rootDir', 'baseUrl', 'declarationDir', 'tsBuildInfoFile'];

/** The package a bare `extends` specifier names: `@scope/name/sub.json` is `@scope/name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Where a bare `extends` specifier is installed, looking in node_modules from the config's folder up. */
function resolvePackageConfig(source: FileSource, fromDir: string, specifier: string): string | undefined {
  const candidates = (dir: string) => {
    const base = posix.join(dir, 'node_modules', specifier);
    return [base, `${base}.json`, posix.join(base, 'tsconfig.json')];
  };
  for (let dir = fromDir; ; dir = posix.dirname(dir)) {
    const found = candidates(dir === '.' ? '' : dir).find((c) => source.isFile(c));
    if (found) return found;
    if (dir === '.' || dir === '' || dir === '/') return undefined;
  }
}

/** `${configDir}` (TypeScript 5.5) is the folder of the tsconfig that the compiler was pointed at, not of the file that says it. */
function resolveDir(value: string, fileDir: string, configDir: string): string {
  if (value.startsWith('${configDir}'))
    return posix.normalize(posix.join(configDir, value.slice('${configDir}'.length).replace(/^\//, '')));
  return posix.normalize(posix.join(fileDir, value));
}

/** Reads a tsconfig and everything it extends; undefined when it does not exist or is malformed (the compiler reports that). */
export function readTsconfig(source: FileSource, path: string): Tsconfig | undefined {
  const configDir = posix.dirname(path);
  const visit = (file: string, seen: Set<string>): Tsconfig | undefined => {
    if (seen.has(file)) return undefined;
    seen.add(file);
    const text = source.read(file);
    if (text === undefined) return undefined;
    let config: Record<string, unknown>;
    try {
      config = parseJsonWithComments<Record<string, unknown>>(text, file) ?? {};
    } catch {
      return undefined;
    }
    const dir = posix.dirname(file);
    let merged: Tsconfig = { path, chain: [file], compilerOptions: {}, references: [], extendsPackages: [] };
    for (const base of ([] as unknown[]).concat(config.extends ?? [])) {
      if (typeof base !== 'string') continue;
      const relative = base.startsWith('.') || base.startsWith('/') || base.startsWith('${configDir}');
      const target = relative
        ? resolveDir(base.endsWith('.json') ? base : `${base}.json`, dir, configDir)
        : resolvePackageConfig(source, dir, base);
      if (!relative) merged.extendsPackages.push(packageOf(base));
      const parent = target ? visit(target, seen) : undefined;
      if (!parent) continue;
      merged = {
        ...parent,
        path,
        chain: [...merged.chain, ...parent.chain],
        compilerOptions: { ...merged.compilerOptions, ...parent.compilerOptions },
        extendsPackages: [...merged.extendsPackages, ...parent.extendsPackages],
        references: merged.references,
        paths: parent.paths ?? merged.paths,
      };
    }
    const own = { ...((config.compilerOptions ?? {}) as Record<string, unknown>) };
    for (const key of PATH_OPTIONS) if (typeof own[key] === 'string') own[key] = resolveDir(own[key], dir, configDir);
    const result: Tsconfig = { ...merged, compilerOptions: { ...merged.compilerOptions, ...own } };
    if (own.paths && typeof own.paths === 'object') {
      result.paths = { values: own.paths as Record<string, unknown>, base: typeof own.baseUrl === 'string' ? own.baseUrl : dir };
    } else if (result.paths && typeof own.baseUrl === 'string') {
      result.paths = { ...result.paths, base: own.baseUrl };
    }
    for (const key of ['include', 'exclude', 'files'] as const) {
      const value = config[key];
      if (Array.isArray(value))
        result[key] = value.filter((v): v is string => typeof v === 'string').map((v) => resolveDir(v, dir, configDir));
    }
    if (Array.isArray(config.references)) {
      result.references = config.references.flatMap((ref) => {
        const target = (ref as { path?: unknown })?.path;
        if (typeof target !== 'string') return [];
        const resolved = resolveDir(target, dir, configDir);
        return [resolved.endsWith('.json') ? resolved : posix.join(resolved, 'tsconfig.json')];
      });
    }
    return result;
  };
  return visit(path, new Set());
}

/** Every tsconfig of the project's root folder (`tsconfig.json`, `tsconfig.lib.json`, `tsconfig.spec.json`, ...), read. */
export const projectTsconfigs = defineFact({
  id: 'typescript/tsconfigs',
  inputs: [projectFiles],
  compute: (project, files): Tsconfig[] =>
    files
      .map((f) => f.file)
      .filter((file) => posix.dirname(file) === project.root && /^tsconfig(\.[\w-]+)?\.json$/.test(posix.basename(file)))
      .flatMap((file) => readTsconfig(project.workspace.source, file) ?? []),
});

/** The tsconfig files a library's sources are compiled with, most specific first. */
export const LIBRARY_TSCONFIGS = ['tsconfig.lib.json', 'tsconfig.build.json', 'tsconfig.json'];

/** The tsconfig that compiles the library (tsconfig.lib.json, tsconfig.build.json, else tsconfig.json), when there is one. */
export const libraryTsconfig = defineFact({
  id: 'typescript/library-tsconfig',
  inputs: [projectTsconfigs],
  compute: (project, configs): Tsconfig | undefined => {
    for (const name of LIBRARY_TSCONFIGS) {
      const found = configs.find((c) => c.path === project.file(name));
      if (found) return found;
    }
    return undefined;
  },
});

/** A `paths` alias: `pattern` (with at most one `*`) maps to workspace-relative `targets`. */
export interface PathAlias {
  pattern: string;
  targets: string[];
}

export function pathAliasesOf(config: Tsconfig | undefined): PathAlias[] {
  if (!config?.paths) return [];
  const { values, base } = config.paths;
  return Object.entries(values).map(([pattern, targets]) => ({
    pattern,
    targets: (Array.isArray(targets) ? targets : [])
      .filter((t): t is string => typeof t === 'string')
      .map((t) => posix.normalize(posix.join(base, t))),
  }));
}

/** The workspace path an aliased specifier points at, or undefined when no alias matches (exact patterns win, as in TypeScript). */
export function resolveAlias(aliases: readonly PathAlias[], specifier: string): { alias: string; target: string } | undefined {
  const exact = aliases.find((a) => a.pattern === specifier && a.targets.length > 0);
  if (exact) return { alias: exact.pattern, target: exact.targets[0] };
  let best: { alias: string; target: string; prefix: number } | undefined;
  for (const { pattern, targets } of aliases) {
    const star = pattern.indexOf('*');
    if (star < 0 || targets.length === 0) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) continue;
    if (best && best.prefix >= prefix.length) continue;
    best = {
      alias: pattern,
      target: targets[0].replace('*', specifier.slice(prefix.length, specifier.length - suffix.length)),
      prefix: prefix.length,
    };
  }
  return best && { alias: best.alias, target: best.target };
}

/** The `paths` aliases that apply to the project's code: its tsconfig.json's (through `extends`), else the workspace root's. */
export const pathAliases = defineFact({
  id: 'typescript/path-aliases',
  inputs: [projectTsconfigs],
  compute: (project, configs): PathAlias[] => {
    const own = configs.find((c) => c.path === project.file('tsconfig.json')) ?? configs.find((c) => c.paths);
    if (own?.paths) return pathAliasesOf(own);
    for (const name of ['tsconfig.base.json', 'tsconfig.json']) {
      const root = readTsconfig(project.workspace.source, name);
      if (root?.paths) return pathAliasesOf(root);
    }
    return [];
  },
});
