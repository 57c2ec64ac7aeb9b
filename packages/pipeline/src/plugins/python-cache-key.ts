import { createHash } from 'node:crypto';
import { findPython, readPythonEnvironment } from '@shipshape/core/python';

/**
 * What a Python project's audit result depends on besides its files: the interpreter it runs with (found as the
 * audit finds it: the `python` option, then SHIPSHAPE_PYTHON, python3), its full version, and a digest of what it
 * has installed. One path may be another Python on another machine; no Python at all is a key of its own.
 */
export async function pythonCacheKey(configured?: string): Promise<string> {
  let python: string;
  try {
    python = await findPython(configured);
  } catch (error) {
    return `python: none (${(error as Error).message.split(':')[0]})`;
  }
  const environment = await readPythonEnvironment(python).catch(() => null);
  const digest = createHash('sha256')
    .update(JSON.stringify(environment?.versions ?? {}))
    .digest('hex')
    .slice(0, 16);
  return `python: ${python} ${environment?.interpreter?.version ?? 'version unknown'}; installed distributions ${digest}`;
}
