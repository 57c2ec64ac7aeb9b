import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { ShipshapeError } from '../util/errors';

/** A path relative to `root`, always with forward slashes, as reports and fingerprints need it. */
export function toPosixRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** `root/relative`, or `relative` for the root project. */
export function inProject(root: string, relative: string): string {
  return root === '.' || root === '' ? relative : posix.join(root, relative);
}

/** The project-relative form of a workspace-relative path of the project. */
export function projectRelative(root: string, path: string): string {
  return root === '.' || root === '' ? path : path.slice(root.length + 1);
}

/** Is the workspace-relative `path` inside the folder `root` (`.` holds everything)? */
export function isWithin(path: string, root: string): boolean {
  return root === '.' || root === '' || path === root || path.startsWith(`${root}/`);
}

/**
 * The absolute form of a path option, refused with a clear error when it leaves the workspace (`../`, or an
 * absolute path elsewhere): Shipshape writes nothing outside the workspace it was run in.
 */
export function insideWorkspace(workspaceRoot: string, path: string, what: string): string {
  const absolute = resolve(workspaceRoot, path);
  const rel = relative(workspaceRoot, absolute);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new ShipshapeError(`${what} "${path}" is outside the workspace (${workspaceRoot}); give a path inside it`);
  }
  return absolute;
}
