import { posix } from 'node:path';
import type { FileSource } from '../../file-system/file-source';
import { defineWorkspaceFact } from '../fact';

export interface InstalledPackage {
  name: string;
  version: string;
  /** Workspace-relative folder of the package (its real path when it is a link, e.g. a workspace package). */
  dir: string;
  /** Names it depends on when installed: dependencies, optional and peer dependencies. */
  requires: string[];
  /** Binary name to file. */
  bin: Record<string, string>;
  /** Its peer dependencies: what it needs its host to install beside it; `optionalPeers` are the optional ones among them. */
  peers: string[];
  optionalPeers: string[];
}

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  bin?: Record<string, string>;
}

/**
 * The packages the workspace has installed, found as Node.js finds them (node_modules folders from a
 * project up to the workspace root), with package-lock.json as a fallback when nothing is installed.
 * Each package.json is read once per instance.
 */
export class NpmInstallation {
  private readonly manifests = new Map<string, InstalledPackage | null>();
  private lockEntries: Record<string, LockEntry> | undefined;

  constructor(private readonly files: Pick<FileSource, 'read' | 'realpath' | 'exists'>) {}

  /** The package `name` as code in `fromDir` (workspace-relative) would load it. */
  resolve(name: string, fromDir: string): InstalledPackage | undefined {
    for (const dir of upward(fromDir)) {
      const found = this.readInstalled(join(dir, 'node_modules', name));
      if (found) return found;
    }
    return this.fromLock(name, fromDir);
  }

  /** The package whose binary `bin` is, through `node_modules/.bin` links from `fromDir` up. */
  binaryOwner(bin: string, fromDir: string): string | undefined {
    for (const dir of upward(fromDir)) {
      const link = join(dir, 'node_modules', '.bin', bin);
      if (!this.files.exists(link)) continue;
      for (let folder = posix.dirname(this.files.realpath(link)); folder !== '.' && folder !== '/'; folder = posix.dirname(folder)) {
        const installed = this.readInstalled(folder);
        if (installed) return installed.name;
      }
      return undefined;
    }
    return undefined;
  }

  /**
   * For every package installed through `roots` (declared names) but not one of them: the root that brings
   * it in (breadth first, so the closest). Roots resolve from `fromDir`, their dependencies from their own folder.
   */
  closure(roots: readonly string[], fromDir: string): Map<string, string> {
    const broughtBy = new Map<string, string>();
    const queue: Array<{ name: string; from: string; root: string }> = roots.map((name) => ({ name, from: fromDir, root: name }));
    const seen = new Set<string>(roots);
    for (let i = 0; i < queue.length; i++) {
      const { name, from, root } = queue[i];
      const installed = this.resolve(name, from);
      if (!installed) continue;
      for (const dependency of installed.requires) {
        if (seen.has(dependency)) continue;
        seen.add(dependency);
        broughtBy.set(dependency, root);
        queue.push({ name: dependency, from: installed.dir, root });
      }
    }
    return broughtBy;
  }

  private readInstalled(folder: string): InstalledPackage | undefined {
    let found = this.manifests.get(folder);
    if (found === undefined) {
      found = parseInstalled(this.files.read(join(folder, 'package.json')), () => this.files.realpath(folder));
      this.manifests.set(folder, found);
    }
    return found ?? undefined;
  }

  private fromLock(name: string, fromDir: string): InstalledPackage | undefined {
    this.lockEntries ??= readLock(this.files.read('package-lock.json'));
    const keys = fromDir === '.' || fromDir === '' ? [`node_modules/${name}`] : [`${fromDir}/node_modules/${name}`, `node_modules/${name}`];
    for (const key of keys) {
      const entry = this.lockEntries[key];
      if (!entry?.version) continue;
      const names = (field?: Record<string, string>) => Object.keys(field ?? {});
      return {
        name,
        version: entry.version,
        dir: key,
        requires: [...names(entry.dependencies), ...names(entry.optionalDependencies), ...names(entry.peerDependencies)],
        bin: entry.bin ?? {},
        ...peersOf(entry),
      };
    }
    return undefined;
  }
}

function parseInstalled(text: string | undefined, realDir: () => string): InstalledPackage | null {
  if (text === undefined) return null;
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    if (typeof data.name !== 'string' || typeof data.version !== 'string') return null;
    const names = (field: string) => Object.keys((data[field] as Record<string, string> | undefined) ?? {});
    return {
      name: data.name,
      version: data.version,
      dir: realDir(),
      requires: [...names('dependencies'), ...names('optionalDependencies'), ...names('peerDependencies')],
      bin:
        typeof data.bin === 'string'
          ? { [data.name.split('/').pop()!]: data.bin }
          : ((data.bin as Record<string, string> | undefined) ?? {}),
      ...peersOf(data),
    };
  } catch {
    return null;
  }
}

function peersOf(
  manifest: Pick<LockEntry, 'peerDependencies' | 'peerDependenciesMeta'>,
): Pick<InstalledPackage, 'peers' | 'optionalPeers'> {
  const peers = Object.keys(manifest.peerDependencies ?? {});
  const meta = manifest.peerDependenciesMeta ?? {};
  return { peers, optionalPeers: peers.filter((name) => meta[name]?.optional === true) };
}

function readLock(text: string | undefined): Record<string, LockEntry> {
  if (text === undefined) return {};
  try {
    return (JSON.parse(text) as { packages?: Record<string, LockEntry> }).packages ?? {};
  } catch {
    return {};
  }
}

/** `a/b/c`, `a/b`, `a`, `.`: the folders Node.js looks for node_modules in, inside the workspace. */
function upward(dir: string): string[] {
  const parts = dir === '.' || dir === '' ? [] : dir.split('/');
  const dirs: string[] = [];
  for (let length = parts.length; length >= 0; length--) dirs.push(length === 0 ? '.' : parts.slice(0, length).join('/'));
  return dirs;
}

function join(...parts: string[]): string {
  return posix.join(...parts.filter((p) => p !== '.'));
}

/** The workspace's installed npm packages (node_modules, else package-lock.json), each package.json read once per run. */
export const npmInstallation = defineWorkspaceFact({
  id: 'npm/installation',
  compute: (workspace) => new NpmInstallation(workspace.source),
});
