import { ShipshapeError } from '@shipshape/core';

/** One clear error about a manifest's field: the file, the field, where it is written, and what it should be. */
export function wrongShape(file: string, field: string, at: { line: number } | undefined, problem: string): ShipshapeError {
  return new ShipshapeError(`${field}${at ? ` (line ${at.line})` : ''} ${problem}`, file);
}
