import { existsSync, lstatSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ShipshapeError } from './errors';

/**
 * Writes a file so that readers see either the old or the complete new content, never a half-written one (a
 * full disk or an interrupt leaves the old file). A folder in the way, or a write the system refuses, is one
 * clear error naming the file.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array, shownPath = target): void {
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory())
    throw new ShipshapeError('is a folder, not a file: cannot write it', shownPath);
  // A symbolic link stays one: the file it points to is what gets the new content.
  const path = lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink() && existsSync(target) ? realpathSync(target) : target;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new ShipshapeError(
      `cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}); it is left as it was`,
      shownPath,
    );
  }
}
