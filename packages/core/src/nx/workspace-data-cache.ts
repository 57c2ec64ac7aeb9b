import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

interface CacheFile<T> {
  /** Who wrote it (the plugin's packages' versions and the entry format): entries of another writer are not trusted. */
  version: string;
  /** By content hash: what a plugin derived from a file with that content. */
  entries: Record<string, T>;
}

export interface WorkspaceDataCacheOptions<T> {
  /** The file's name in Nx's workspace data directory, e.g. `shipshape-python-imports.hash`. */
  fileName: string;
  /** Changes whenever what an entry means may change: the versions of the packages that compute it, and a format. */
  version: string;
  /** Whether a stored entry has the shape of a value (a corrupt or hand-edited file is an empty cache). */
  isValue: (value: unknown) => value is T;
}

/**
 * What a plugin derived from files (the modules a Python file imports, a pyproject's name), kept on disk in Nx's
 * workspace data directory between graph computations, by the content hash of the file. Nx starts a new plugin
 * worker for every graph computation, so an in-memory cache would not outlive one; a changed file has another hash
 * and is read again. Never throws: an unreadable, foreign or corrupt file is an empty cache, and a failed write is
 * a cache that was not saved.
 */
export class WorkspaceDataCache<T> {
  private readonly seen = new Map<string, T>();
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly version: string,
    private readonly stored: Record<string, T>,
  ) {}

  static load<T>(workspaceRoot: string, { fileName, version, isValue }: WorkspaceDataCacheOptions<T>): WorkspaceDataCache<T> {
    const path = join(workspaceDataDirectory(workspaceRoot), fileName);
    let stored: Record<string, T> = {};
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile<T>>;
      const entries = data.entries as unknown;
      if (data.version === version && isRecord(entries) && Object.values(entries).every(isValue)) stored = entries as Record<string, T>;
    } catch {
      /* none yet, or not ours to trust: start empty */
    }
    return new WorkspaceDataCache(path, version, stored);
  }

  /** What was derived from the file with this content hash, when a run has read it before. */
  get(hash: string | undefined): T | undefined {
    if (hash === undefined) return undefined;
    if (this.seen.has(hash)) return this.seen.get(hash);
    if (!Object.hasOwn(this.stored, hash)) return undefined;
    const hit = this.stored[hash];
    this.seen.set(hash, hit);
    return hit;
  }

  set(hash: string, value: T): void {
    this.seen.set(hash, value);
    this.changed = true;
  }

  /**
   * Writes the cache when something was added: the entries of the hashes `live` holds (the files of the workspace
   * now), then as many older ones (a branch switched back to reads no file again), most recent first; the rest is
   * dropped, so the file does not grow.
   */
  save(live: Iterable<string>): void {
    if (!this.changed) return;
    const entries: Record<string, T> = {};
    let count = 0;
    for (const hash of live) {
      const value = this.get(hash);
      if (value !== undefined && !Object.hasOwn(entries, hash)) {
        entries[hash] = value;
        count += 1;
      }
    }
    let older = 0;
    for (const [hash, value] of [...this.seen, ...Object.entries(this.stored)]) {
      if (older >= count) break;
      if (Object.hasOwn(entries, hash)) continue;
      entries[hash] = value;
      older += 1;
    }
    const data: CacheFile<T> = { version: this.version, entries };
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

/** The content hash of a file's bytes, or of a text (Nx's own hashes are not of this form); undefined when unreadable. */
export function contentHash(source: { path: string } | { text: string }): string | undefined {
  try {
    const bytes = 'text' in source ? source.text : readFileSync(source.path);
    return `sha1-${createHash('sha1').update(bytes).digest('hex')}`;
  } catch {
    return undefined;
  }
}

/**
 * A cache's version: its entry format, the version of the package that computes the entries (its package.json at
 * `packageJson`) and core's: any change empties the cache.
 */
export function cacheVersion(format: number, packageJson: string): string {
  return [format, packageVersion(packageJson), packageVersion(join(__dirname, '..', '..', 'package.json'))].join('/');
}

function packageVersion(path: string): string {
  try {
    return String((JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version);
  } catch {
    return '?';
  }
}

/** Nx's workspace data directory of this workspace (`.nx/workspace-data`, or where NX_WORKSPACE_DATA_DIRECTORY says). */
export function workspaceDataDirectory(workspaceRoot: string): string {
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
