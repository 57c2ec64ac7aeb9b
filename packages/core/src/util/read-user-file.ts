import { readFileSync, statSync } from 'node:fs';
import { stripBom } from '../manifest/format';
import { ShipshapeError } from './errors';

/**
 * A file the user keeps (a baseline, a history, a report read back): its text without a byte-order mark;
 * undefined when it does not exist; one clear error naming it when it is a folder or cannot be read.
 */
export function readUserFile(path: string, shownPath = path): string | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) throw new ShipshapeError('is a folder, not a file', shownPath);
  try {
    return stripBom(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ShipshapeError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, shownPath);
  }
}
