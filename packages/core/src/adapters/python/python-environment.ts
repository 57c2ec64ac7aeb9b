import { analyzePython } from './python-adapter';
import type { PythonEnvironment } from './types';

const byInterpreter = new Map<string, Promise<PythonEnvironment | null>>();

/**
 * The installed distributions of the interpreter the Python analysis uses (`python`, else the one
 * `findPython` picks), read once per interpreter and process: every project of an audit shares it.
 * Null when the interpreter has no `importlib.metadata`; a missing Python throws PythonUnavailableError.
 */
export function pythonEnvironment(options: { python?: string; project?: string } = {}): Promise<PythonEnvironment | null> {
  const key = options.python ?? '';
  let environment = byInterpreter.get(key);
  if (!environment) {
    environment = analyzePython([], { python: options.python, project: options.project, environment: true }).then((a) => a.environment ?? null);
    environment.catch(() => byInterpreter.delete(key));
    byInterpreter.set(key, environment);
  }
  return environment;
}

/** PEP 503 normalized distribution name: lower case, every run of `-`, `_` and `.` as one `-`. */
export function normalizeDistributionName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}
