import { join } from 'node:path';
import { DEFAULTS } from '../../config/defaults';
import { ShipshapeError } from '../../util/errors';
import { findPython, PythonUnavailableError } from './find-python';
import { runProcess } from '../../util/run-process';
import type { PythonAnalysis } from './types';

export const PYTHON_HELPER = join(__dirname, 'shipshape_ast.py');

/** How long one `ast` pass may take (a huge project on a slow machine takes seconds, not minutes). */
export const ANALYSIS_TIMEOUT_MS = 300_000;

export interface AnalyzePythonOptions {
  /** Interpreter to use (the run's `python/interpreter` fact); found with `findPython()` when omitted. */
  python?: string;
  /** Files larger than this get a per-file `too-large` error instead of being parsed. */
  maxBytes?: number;
  /** Working directory of the helper: relative paths in `files` resolve against it. */
  cwd?: string;
  /** Named in the message when no Python can be found. */
  project?: string;
  /** Also describe the installed distributions (`environment` in the result); the helper runs even for no files. */
  environment?: boolean;
  /** Also stamp what the environment depends on (`importPaths` in the result; see PythonEnvironment.importPaths). */
  importPaths?: boolean;
  /** How long the helper may run before it is stopped (with everything it started). */
  timeoutMs?: number;
}

/**
 * Parses every file of the batch in one run of the helper script (it reads them with `ast`, never imports
 * them). Per-file problems (syntax, encoding, size, binary) come back as `error` in that file's result.
 */
export async function analyzePython(files: string[], options: AnalyzePythonOptions = {}): Promise<PythonAnalysis> {
  if (files.length === 0 && !options.environment) return { python: null, stdlibModules: [], files: {} };
  const python = options.python ?? (await findPython(undefined, options.project));
  const input = JSON.stringify({
    files,
    maxBytes: options.maxBytes ?? DEFAULTS.maxFileBytes,
    ...(options.environment ? { environment: true } : {}),
    ...(options.importPaths ? { importPaths: true } : {}),
  });
  // -I: ignore PYTHON* variables and user site-packages, so nothing of the user's environment is imported.
  const timeoutMs = options.timeoutMs ?? ANALYSIS_TIMEOUT_MS;
  const result = await runProcess(python, ['-I', '-B', PYTHON_HELPER], { input, cwd: options.cwd, timeoutMs });
  if (result.spawnError) throw new PythonUnavailableError(options.project, python);
  if (result.timedOut)
    throw new ShipshapeError(`the Python analysis helper (${python}) did not finish within ${timeoutMs / 1000} s and was stopped`);
  if (result.code !== 0) {
    const how = result.signal ? `killed by ${result.signal}` : `exit code ${result.code}`;
    throw new ShipshapeError(`the Python analysis helper failed (${python}, ${how}): ${lastLine(result.stderr) || 'no error output'}`);
  }
  try {
    return JSON.parse(result.stdout) as PythonAnalysis;
  } catch {
    throw new ShipshapeError(
      `the Python analysis helper (${python}) wrote output that is not JSON: ${lastLine(result.stderr) || result.stdout.trim().slice(0, 200)}`,
    );
  }
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines[lines.length - 1]?.trim() ?? '';
}
