import { relative, sep } from 'node:path';

/** A path relative to `root`, always with forward slashes, as reports and fingerprints need it. */
export function toPosixRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
