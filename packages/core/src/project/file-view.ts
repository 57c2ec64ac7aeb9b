import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { ShipshapeProject } from './project';

/**
 * A project's files as an analysis reads them, the same whether a check reads the disk or a generator
 * reads the Nx Tree (with the changes of earlier generator steps). Paths are workspace-relative, posix.
 */
export interface FileView {
  /** Workspace-relative project root, `.` for a root project. */
  root: string;
  /** Every file of the project, workspace-relative. */
  files(): string[];
  exists(path: string): boolean;
  isFile(path: string): boolean;
  read(path: string): string | undefined;
}

/** The part of an Nx `Tree` a FileView reads (structural: an `nx g` Tree, or a test double). */
export interface ReadableTree {
  root: string;
  children(dir: string): string[];
  exists(path: string): boolean;
  isFile(path: string): boolean;
  read(path: string, encoding: 'utf-8'): string | null;
}

/** `root/relative`, or `relative` for the root project. */
export function inProject(root: string, relative: string): string {
  return root === '.' || root === '' ? relative : posix.join(root, relative);
}

/** The project-relative form of a workspace-relative path of the project. */
export function projectRelative(root: string, path: string): string {
  return root === '.' || root === '' ? path : path.slice(root.length + 1);
}

/** The disk as an audit sees it: the project's git-visible files. */
export function diskView(project: ShipshapeProject): FileView {
  const abs = (path: string) => join(project.workspaceRoot, path);
  return {
    root: project.root,
    files: () => project.files().map((f) => f.file),
    exists: (path) => existsSync(abs(path)),
    isFile: (path) => {
      try {
        return statSync(abs(path)).isFile();
      } catch {
        return false;
      }
    },
    read: (path) => {
      try {
        return readFileSync(abs(path), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

const SKIPPED = new Set(['node_modules', '.git', '.nx', '__pycache__', '.venv', 'dist', 'build']);

/** Walks the Tree (skipping node_modules and build folders); `tree.children` gives a folder's entries. */
export function treeView(tree: ReadableTree, root: string): FileView {
  const files = () => {
    const out: string[] = [];
    const walk = (dir: string, ancestors: Set<string>) => {
      // On disk a folder may be a symbolic link back to one of its parents: follow each real folder once.
      const real = realFolder(tree.root, dir);
      if (real !== undefined && ancestors.has(real)) return;
      const inside = real === undefined ? ancestors : new Set([...ancestors, real]);
      for (const name of tree.children(dir)) {
        if (SKIPPED.has(name)) continue;
        const path = dir === '.' || dir === '' ? name : posix.join(dir, name);
        if (tree.isFile(path)) out.push(path);
        else walk(path, inside);
      }
    };
    walk(root === '.' ? '' : root, new Set());
    return out.sort();
  };
  return {
    root,
    files,
    exists: (path) => tree.exists(path),
    isFile: (path) => tree.exists(path) && tree.isFile(path),
    read: (path) => (tree.exists(path) && tree.isFile(path) ? (tree.read(path, 'utf-8') ?? undefined) : undefined),
  };
}

function realFolder(workspaceRoot: string, dir: string): string | undefined {
  try {
    return realpathSync(join(workspaceRoot, dir));
  } catch {
    return undefined;
  }
}
