import { join } from 'node:path';
import { cacheVersion, WorkspaceDataCache } from '@shipshape/core/plugin';

/** Bumped when what an entry means changes. */
const FORMAT = 1;

/** By file content hash: the top-level modules the file imports absolutely (`import a.b`, `from a import b`: `a`). */
export type PythonImportsCache = WorkspaceDataCache<string[]>;

/**
 * The modules each Python file imports, kept between graph computations (a restarted daemon, a CI job with the
 * workspace data kept does not run Python again over files it has read before). Only files that parsed are kept:
 * a file that did not parse is read again (another interpreter may parse it).
 */
export function loadPythonImportsCache(workspaceRoot: string): PythonImportsCache {
  return WorkspaceDataCache.load(workspaceRoot, {
    fileName: 'shipshape-python-imports.hash',
    version: cacheVersion(FORMAT, join(__dirname, '..', '..', 'package.json')),
    isValue: (value): value is string[] => Array.isArray(value) && value.every((m) => typeof m === 'string'),
  });
}
