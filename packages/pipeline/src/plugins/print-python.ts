import { createHash } from 'node:crypto';
import { findPython, readPythonEnvironment } from '@shipshape/core/python';

/**
 * Prints the Python a Python project's audit runs with, its version, and a digest of what it has installed: a
 * runtime cache input of the audit target, so that a result computed without Python (or with other
 * distributions) is never served from a shared cache to a machine where it would differ. The interpreter is
 * found as the audit finds it (the `python` option, passed as the argument, then SHIPSHAPE_PYTHON, python3).
 */
async function main(): Promise<void> {
  const configured = process.argv[1] || undefined;
  let python: string;
  try {
    python = await findPython(configured);
  } catch (error) {
    console.log(`python: none (${(error as Error).message.split(':')[0]})`);
    return;
  }
  const environment = await readPythonEnvironment(python).catch(() => null);
  const digest = createHash('sha256')
    .update(JSON.stringify(environment?.versions ?? {}))
    .digest('hex')
    .slice(0, 16);
  console.log(`python: ${python}; installed distributions ${digest}`);
}

void main();
