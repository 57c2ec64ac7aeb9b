import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { toPosixRelative } from './paths';

/** What a path is, as `lstat` then `stat` tell it: a link is followed, and says that it was one. */
export interface FileStat {
  kind: 'file' | 'directory' | 'other';
  size: number;
  link: boolean;
}

/**
 * The workspace's files as an analysis reads them: the disk for an audit, the Nx Tree (with the pending
 * changes of earlier generator steps) for a generator. Every path is workspace-relative, with forward slashes.
 */
export interface FileSource {
  /** Absolute workspace root. */
  readonly root: string;
  readonly kind: 'disk' | 'tree';
  readBytes(path: string): Buffer | undefined;
  /** UTF-8 text; undefined when the path is not a readable file. */
  read(path: string): string | undefined;
  exists(path: string): boolean;
  isFile(path: string): boolean;
  /** Entry names of a folder, sorted; [] when it is not one. */
  children(dir: string): string[];
  /** undefined when nothing is there (or a link is broken: `{ broken: true }`). */
  stat(path: string): FileStat | { broken: true } | undefined;
  /** The workspace-relative real path (links resolved on disk); the path itself when it cannot be resolved. */
  realpath(path: string): string;
}

/** The part of an Nx `Tree` a FileSource reads (an `nx g` Tree, or a test double). */
export interface ReadableTree {
  root: string;
  children(dir: string): string[];
  exists(path: string): boolean;
  isFile(path: string): boolean;
  read(path: string): Buffer | null;
  read(path: string, encoding: 'utf-8'): string | null;
}

const at = (root: string, path: string) => (path === '' || path === '.' ? root : join(root, path));

export function diskSource(root: string): FileSource {
  const stat = (path: string): ReturnType<FileSource['stat']> => {
    const abs = at(root, path);
    let link = false;
    try {
      const own = lstatSync(abs);
      link = own.isSymbolicLink();
      const target = link ? statSync(abs) : own;
      return { kind: target.isFile() ? 'file' : target.isDirectory() ? 'directory' : 'other', size: target.size, link };
    } catch {
      return link ? { broken: true } : undefined;
    }
  };
  const isFile = (path: string) => {
    const found = stat(path);
    return found !== undefined && 'kind' in found && found.kind === 'file';
  };
  return {
    root,
    kind: 'disk',
    readBytes: (path) => {
      try {
        return readFileSync(at(root, path));
      } catch {
        return undefined;
      }
    },
    read: (path) => {
      try {
        return readFileSync(at(root, path), 'utf8');
      } catch {
        return undefined;
      }
    },
    exists: (path) => stat(path) !== undefined,
    isFile,
    children: (dir) => {
      try {
        return readdirSync(at(root, dir)).sort();
      } catch {
        return [];
      }
    },
    stat,
    realpath: (path) => realpathIn(root, path),
  };
}

export function treeSource(tree: ReadableTree): FileSource {
  const isFile = (path: string) => tree.exists(path) && tree.isFile(path);
  const readBytes = (path: string) => (isFile(path) ? (tree.read(path) ?? undefined) : undefined);
  return {
    root: tree.root,
    kind: 'tree',
    readBytes,
    read: (path) => readBytes(path)?.toString('utf8'),
    exists: (path) => tree.exists(path),
    isFile,
    children: (dir) => (tree.exists(dir) && !tree.isFile(dir) ? [...tree.children(dir)].sort() : []),
    stat: (path) => {
      if (!tree.exists(path)) return undefined;
      if (!tree.isFile(path)) return { kind: 'directory', size: 0, link: false };
      return { kind: 'file', size: readBytes(path)?.length ?? 0, link: false };
    },
    // The Tree reads unchanged files from the disk, where a folder may be a link back to one of its parents.
    realpath: (path) => realpathIn(tree.root, path),
  };
}

function realpathIn(root: string, path: string): string {
  try {
    return toPosixRelative(realpathSync(root), realpathSync(at(root, path))) || '.';
  } catch {
    return path;
  }
}
