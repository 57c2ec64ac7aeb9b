import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cacheVersion, contentHash, WorkspaceDataCache } from '@shipshape/core/plugin';

/** Bumped when what an entry means changes. */
const FORMAT = 1;

/**
 * The names of the Python projects that have a pyproject.toml alone, for one graph computation. A pyproject's
 * `[project] name` is kept by its content hash in Nx's workspace data directory (`null`: none, or not TOML), so a
 * worker parses (and loads the TOML parser for) only the files that changed since a computation saved them.
 */
export class PyprojectNames {
  private cache: WorkspaceDataCache<string | null> | undefined;
  private readonly live: string[] = [];

  constructor(private readonly workspaceRoot: string) {}

  /** The name Nx knows the project at `root` by: its distribution name, else its folder's. */
  nameOf(pyproject: string, root: string): string {
    const text = readFileSync(join(this.workspaceRoot, pyproject), 'utf8');
    const hash = contentHash({ text }) as string;
    this.live.push(hash);
    this.cache ??= WorkspaceDataCache.load(this.workspaceRoot, {
      fileName: 'shipshape-pyproject-names.hash',
      version: cacheVersion(FORMAT, join(__dirname, '..', '..', 'package.json')),
      isValue: (value): value is string | null => value === null || typeof value === 'string',
    });
    let name = this.cache.get(hash);
    if (name === undefined) {
      name = manifests().pyprojectDistributionName(text, root) ?? null;
      this.cache.set(hash, name);
    }
    return name ?? basename(root);
  }

  /** Saves the names read this computation (and drops those of files no longer in the workspace). */
  save(): void {
    this.cache?.save(this.live);
  }
}

/** Core's manifest readers (its TOML parser), loaded for the first pyproject.toml not read before. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
const manifests = () => require('@shipshape/core/plugin-manifests') as typeof import('@shipshape/core/plugin-manifests');
