import { analyzePython } from './python-adapter';
import type { PythonEnvironment } from './types';

/**
 * The installed distributions of an interpreter, from their metadata only, and the interpreter's version. Null when
 * the interpreter has no `importlib.metadata`; a missing Python throws PythonUnavailableError. A run reads it once
 * (the `python/environment` workspace fact). With `importPaths`, also the stamps of what it was read from.
 */
export async function readPythonEnvironment(
  python: string,
  project?: string,
  options: { importPaths?: boolean } = {},
): Promise<PythonEnvironment | null> {
  const analysis = await analyzePython([], { python, project, environment: true, importPaths: options.importPaths });
  if (!analysis.environment) return null;
  const environment = analysis.python ? { ...analysis.environment, interpreter: analysis.python } : analysis.environment;
  return analysis.importPaths ? { ...environment, importPaths: analysis.importPaths } : environment;
}

/** PEP 503 normalized distribution name: lower case, every run of `-`, `_` and `.` as one `-`. */
export function normalizeDistributionName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}
