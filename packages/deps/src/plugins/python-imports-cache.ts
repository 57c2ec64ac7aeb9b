import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** Bumped when what an entry means changes. */
const FORMAT = 1;
const FILE_NAME = 'shipshape-python-imports.hash';

interface CacheFile {
  /** Which Shipshape wrote it: entries of another version are not trusted. */
  version: string;
  /** By file content hash: the top-level modules the file imports absolutely (`import a.b`, `from a import b`: `a`). */
  entries: Record<string, string[]>;
}

/**
 * The modules each Python file imports, kept on disk in Nx's workspace data directory between graph computations,
 * by the content hash of the file: a new Nx process (a restarted daemon, a CI job with the workspace data kept)
 * does not run Python again over files it has read before, and a changed file has another hash, so it is read again.
 * Only files that parsed are kept (a file that did not parse is read again: another interpreter may parse it).
 * Never throws: an unreadable, foreign or corrupt file is an empty cache, and a failed write is a cache that was
 * not saved.
 */
export class PythonImportsCache {
  private readonly seen = new Map<string, string[]>();
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly stored: Record<string, string[]>,
  ) {}

  static load(workspaceRoot: string): PythonImportsCache {
    const path = join(workspaceDataDirectory(workspaceRoot), FILE_NAME);
    let stored: Record<string, string[]> = {};
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
      if (data.version === cacheVersion() && isEntries(data.entries)) stored = data.entries;
    } catch {
      /* none yet, or not ours to trust: start empty */
    }
    return new PythonImportsCache(path, stored);
  }

  /** The imported top-level modules of the file with this content hash, when a run has read it before. */
  get(hash: string | undefined): string[] | undefined {
    if (hash === undefined) return undefined;
    const hit = this.seen.get(hash) ?? (Object.hasOwn(this.stored, hash) ? this.stored[hash] : undefined);
    if (hit) this.seen.set(hash, hit);
    return hit;
  }

  set(hash: string, modules: string[]): void {
    this.seen.set(hash, modules);
    this.changed = true;
  }

  /**
   * Writes the cache when something was added: the entries of the hashes `live` holds (the Python files of the
   * workspace now), then as many older ones (a branch switched back to reads no file again), most recent first;
   * the rest is dropped, so the file does not grow.
   */
  save(live: Iterable<string>): void {
    if (!this.changed) return;
    const entries: Record<string, string[]> = {};
    let count = 0;
    for (const hash of live) {
      const modules = this.get(hash);
      if (modules && !Object.hasOwn(entries, hash)) {
        entries[hash] = modules;
        count += 1;
      }
    }
    let older = 0;
    for (const [hash, modules] of [...this.seen, ...Object.entries(this.stored)]) {
      if (older >= count) break;
      if (Object.hasOwn(entries, hash)) continue;
      entries[hash] = modules;
      older += 1;
    }
    const data: CacheFile = { version: cacheVersion(), entries };
    const temporary = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      mkdirSync(join(this.path, '..'), { recursive: true });
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.path); // whole or not at all: a concurrent Nx process reads one or the other
    } catch {
      rmSync(temporary, { force: true });
    }
  }
}

/** The content hash of a file Nx does not list (Nx's own hashes are not of this form). */
export function contentHash(path: string): string | undefined {
  try {
    return `sha1-${createHash('sha1').update(readFileSync(path)).digest('hex')}`;
  } catch {
    return undefined;
  }
}

function isEntries(value: unknown): value is Record<string, string[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => Array.isArray(v) && v.every((m) => typeof m === 'string'))
  );
}

/** Nx's workspace data directory of this workspace (`.nx/workspace-data`, or where NX_WORKSPACE_DATA_DIRECTORY says). */
function workspaceDataDirectory(workspaceRoot: string): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Nx's own answer, loaded only when a graph is computed
    const nx = require('nx/src/utils/cache-directory') as { workspaceDataDirectoryForWorkspace?: (root: string) => string };
    if (typeof nx.workspaceDataDirectoryForWorkspace === 'function') return nx.workspaceDataDirectoryForWorkspace(workspaceRoot);
  } catch {
    /* an Nx without it: its default below */
  }
  const configured = process.env.NX_WORKSPACE_DATA_DIRECTORY ?? process.env.NX_PROJECT_GRAPH_CACHE_DIRECTORY;
  if (!configured) return join(workspaceRoot, '.nx', 'workspace-data');
  return isAbsolute(configured) ? configured : join(workspaceRoot, configured);
}

let version: string | undefined;
/** The versions of @shipshape/deps and @shipshape/core and the entry format: any change empties the cache. */
function cacheVersion(): string {
  version ??= [FORMAT, packageVersion(join(__dirname, '..', '..', 'package.json')), packageVersion(corePackageJson())].join('/');
  return version;
}

function corePackageJson(): string | undefined {
  try {
    return require.resolve('@shipshape/core/package.json');
  } catch {
    return undefined;
  }
}

function packageVersion(path: string | undefined): string {
  try {
    return path ? String((JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version) : '?';
  } catch {
    return '?';
  }
}
