import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { type FileView, inProject } from '@shipshape/core';

export interface TsconfigFacts {
  /** Workspace-relative path of the tsconfig read. */
  path: string;
  compilerOptions: Record<string, unknown>;
  include?: string[];
  exclude?: string[];
  files?: string[];
}

/** The tsconfig files a library's sources are compiled with, most specific first. */
export const LIBRARY_TSCONFIGS = ['tsconfig.lib.json', 'tsconfig.json'];

function parse(view: FileView, path: string): Record<string, unknown> | undefined {
  const text = view.read(path);
  if (text === undefined) return undefined;
  const { config, error } = ts.parseConfigFileTextToJson(path, text);
  return error ? undefined : (config as Record<string, unknown>);
}

/**
 * A tsconfig with its relative `extends` chain followed: compilerOptions merged, `include`/`exclude`/`files`
 * taken from the nearest file that sets them, each resolved to workspace-relative paths.
 */
export function readTsconfig(view: FileView, path: string, seen = new Set<string>()): TsconfigFacts | undefined {
  if (seen.has(path)) return undefined;
  seen.add(path);
  const config = parse(view, path);
  if (!config) return undefined;
  const dir = posix.dirname(path);
  const bases = ([] as unknown[]).concat(config.extends ?? []).filter((e): e is string => typeof e === 'string' && e.startsWith('.'));
  let merged: TsconfigFacts = { path, compilerOptions: {} };
  for (const base of bases) {
    const file = posix.normalize(posix.join(dir, base.endsWith('.json') ? base : `${base}.json`));
    const parent = readTsconfig(view, file, seen);
    if (parent) merged = { ...parent, path, compilerOptions: { ...merged.compilerOptions, ...parent.compilerOptions } };
  }
  const own = resolvePathOptions((config.compilerOptions ?? {}) as Record<string, unknown>, dir);
  const facts: TsconfigFacts = { ...merged, path, compilerOptions: { ...merged.compilerOptions, ...own } };
  for (const key of ['include', 'exclude', 'files'] as const) {
    const value = config[key];
    if (Array.isArray(value)) facts[key] = value.filter((v): v is string => typeof v === 'string').map((v) => posix.normalize(posix.join(dir, v)));
  }
  return facts;
}

/** outDir, rootDir, baseUrl, declarationDir made workspace-relative. */
function resolvePathOptions(options: Record<string, unknown>, dir: string): Record<string, unknown> {
  const out = { ...options };
  for (const key of ['outDir', 'rootDir', 'baseUrl', 'declarationDir']) {
    if (typeof out[key] === 'string') out[key] = posix.normalize(posix.join(dir, out[key] as string));
  }
  return out;
}

/** The tsconfig that compiles the library (tsconfig.lib.json, else tsconfig.json), when there is one. */
export function libraryTsconfig(view: FileView): TsconfigFacts | undefined {
  for (const name of LIBRARY_TSCONFIGS) {
    const path = inProject(view.root, name);
    if (view.isFile(path)) {
      const facts = readTsconfig(view, path);
      if (facts) return facts;
    }
  }
  return undefined;
}
