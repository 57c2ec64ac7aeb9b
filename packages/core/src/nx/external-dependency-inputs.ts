import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonWithComments } from '../manifest/jsonc';
import { fileStamp } from '../util/file-stamp';

export type ExternalDependencyInput = { externalDependencies: string[] } | { runtime: string };

/**
 * Nx's inputs for the installed versions of npm packages a target's result depends on. Nx's `externalDependencies`
 * input hashes the package's node in the project graph, and fails the whole run when the graph has none: no lock
 * file, a lock file that does not list the package, lock-file analysis turned off. So a package goes there only when
 * the lock file Nx reads lists it; the others are hashed by a runtime input that prints their installed package.json
 * (nothing when they are not installed), so that the cache still follows their versions.
 */
export function externalDependencyInputs(
  workspaceRoot: string,
  names: readonly string[],
  platform: NodeJS.Platform = process.platform,
): ExternalDependencyInput[] {
  if (names.length === 0) return [];
  const lock = lockFileNxReads(workspaceRoot);
  const locked = names.filter((name) => lock !== undefined && lock.lists(name));
  const unlocked = names.filter((name) => !locked.includes(name));
  return [
    ...(locked.length > 0 ? [{ externalDependencies: locked }] : []),
    ...(unlocked.length > 0 ? [{ runtime: installedManifestsCommand(unlocked, platform) }] : []),
  ];
}

/** A shell command that prints the installed package.json of each package, and never fails. */
function installedManifestsCommand(names: readonly string[], platform: NodeJS.Platform): string {
  if (platform === 'win32') {
    const list = names.map((name) => `'${name}'`).join(', ');
    return `node -e "for (const n of [${list}]) { try { process.stdout.write(require('fs').readFileSync('node_modules/' + n + '/package.json', 'utf8')) } catch {} }"`;
  }
  return `cat ${names.map((name) => `node_modules/${name}/package.json`).join(' ')} 2>/dev/null || true`;
}

interface LockFile {
  lists(name: string): boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * How each lock file names a package it installs at the top of node_modules, in Nx's order when it picks the
 * package manager (bun, yarn, pnpm, npm). Bun's lock files are not relied on (bun.lockb is binary): their packages
 * get the runtime input.
 */
const LOCK_FILES: ReadonlyArray<{ file: string; entry?: (name: string, text: string) => RegExp }> = [
  { file: 'bun.lockb' },
  { file: 'bun.lock' },
  { file: 'yarn.lock', entry: (name) => new RegExp(`(^|, )"?${escape(name)}@`, 'm') },
  { file: 'pnpm-lock.yaml', entry: (name) => new RegExp(`^\\s+['"]?/?${escape(name)}[@/]`, 'm') },
  {
    file: 'package-lock.json',
    // Version 1 keys its entries by name; later versions by their folder, where a bare `"name": {` is also a
    // peerDependenciesMeta entry, which installs nothing.
    entry: (name, text) =>
      /"lockfileVersion":\s*1\b/.test(text)
        ? new RegExp(`"${escape(name)}":\\s*\\{`)
        : new RegExp(`"node_modules/${escape(name)}":\\s*\\{`),
  },
];

/**
 * The lock file Nx builds its external nodes from, or undefined when none can be relied on: none at the root, Bun's,
 * or `pluginsConfig["@nx/js"].analyzeLockfile` false in nx.json.
 */
function lockFileNxReads(workspaceRoot: string): LockFile | undefined {
  if (analysisOff(workspaceRoot)) return undefined;
  for (const { file, entry } of LOCK_FILES) {
    const path = join(workspaceRoot, file);
    if (!exists(path)) continue;
    const read = entry && cachedText(path);
    if (!read || !entry) return undefined;
    // Each project's target asks again: a name is looked for once in a lock file of megabytes.
    return { lists: (name) => read.memo(`lists ${name}`, () => entry(name, read.text).test(read.text)) };
  }
  return undefined;
}

function analysisOff(workspaceRoot: string): boolean {
  const read = cachedText(join(workspaceRoot, 'nx.json'));
  return (
    read?.memo('analysis off', () => {
      try {
        const nx = parseJsonWithComments<{ pluginsConfig?: Record<string, { analyzeLockfile?: unknown }> }>(read.text, 'nx.json');
        return nx.pluginsConfig?.['@nx/js']?.analyzeLockfile === false;
      } catch {
        return false; // Nx reports a broken nx.json itself
      }
    }) ?? false
  );
}

const exists = (path: string) => statSync(path, { throwIfNoEntry: false }) !== undefined;

interface ReadText {
  text: string;
  /** What was found in this text, kept with it: found again only once the file has changed. */
  memo(key: string, find: () => boolean): boolean;
}

// A plugin asks once per project; a lock file can be megabytes. Kept while its stamp (time, size, inode) holds.
const texts = new Map<string, { stamp: string; read: ReadText }>();

function cachedText(path: string): ReadText | undefined {
  const stamp = fileStamp(path);
  if (stamp === '-') return undefined;
  const known = texts.get(path);
  if (known?.stamp === stamp) return known.read;
  try {
    const text = readFileSync(path, 'utf8');
    const found = new Map<string, boolean>();
    const read: ReadText = {
      text,
      memo: (key, find) => {
        if (!found.has(key)) found.set(key, find());
        return found.get(key)!;
      },
    };
    texts.set(path, { stamp, read });
    return read;
  } catch {
    return undefined;
  }
}
