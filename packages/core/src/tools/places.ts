import { posix } from 'node:path';
import type { Place } from './tool';

/** A reference to a config file as a whole (line 0). */
export function wholeFile(file: string): Place {
  return { file, line: 0, column: 0 };
}

/** A path or glob written in a config file, relative to that file's folder, made workspace-relative. */
export function besideConfig(configFile: string, pattern: string): string {
  return posix.normalize(posix.join(posix.dirname(configFile), pattern.replace(/^<rootDir>\//, '')));
}
