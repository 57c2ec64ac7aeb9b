import { readFileSync } from 'node:fs';
import { ShipshapeError } from '../util/errors';

/** A manifest as read from disk: its shown path, its exact text (for edits and positions) and its parsed data. */
export interface ManifestText<T> {
  path: string;
  text: string;
  data: T;
}

export function readManifest<T>(absPath: string, displayPath: string, parse: (text: string, file: string) => T): ManifestText<T> {
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ShipshapeError(code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`, displayPath);
  }
  return { path: displayPath, text, data: parse(text, displayPath) };
}
