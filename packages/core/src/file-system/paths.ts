import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
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
 * The absolute form of a path option, refused with a clear error when it leaves the workspace (`../`, an
 * absolute path elsewhere, or a symbolic link on the way that points elsewhere): Shipshape writes nothing outside
 * the workspace it was run in. `shown` is the option as the user wrote it.
 */
export function insideWorkspace(workspaceRoot: string, path: string, what: string, shown = path): string {
  const absolute = resolve(workspaceRoot, path);
  if (!isInside(workspaceRoot, absolute)) {
    throw new ShipshapeError(`${what} "${shown}" is outside the workspace (${workspaceRoot}); give a path inside it`);
  }
  const real = realTarget(absolute);
  const realRoot = realTarget(workspaceRoot);
  if (real && realRoot && !isInside(realRoot, real)) {
    throw new ShipshapeError(`${what} "${shown}" leads outside the workspace through a symbolic link (to ${real}); give a path inside it`);
  }
  return absolute;
}

function isInside(root: string, absolute: string): boolean {
  const rel = relative(root, absolute);
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/** Where a path really is: the real path of its deepest existing part, with the rest appended; undefined when unknown. */
function realTarget(absolute: string): string | undefined {
  let existing = absolute;
  const rest: string[] = [];
  while (!lstatSync(existing, { throwIfNoEntry: false })) {
    const parent = dirname(existing);
    if (parent === existing) return undefined;
    rest.unshift(basename(existing));
    existing = parent;
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    // A dangling link: what it would create is not known until it is written, and the write replaces nothing outside.
    return undefined;
  }
}
