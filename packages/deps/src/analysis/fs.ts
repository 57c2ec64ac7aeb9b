import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** A file's text, or undefined when it does not exist or cannot be read. */
export function readText(path: string): string | undefined {
  try {
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** A folder's entry names; [] when it does not exist. */
export function listDir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
