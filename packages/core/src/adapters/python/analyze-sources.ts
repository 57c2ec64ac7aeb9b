import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyzePython, type AnalyzePythonOptions } from './python-adapter';
import type { PythonAnalysis } from './types';

/**
 * The `ast` pass over sources that are not on disk (a generator's Tree with its pending changes): they are
 * written to a temporary folder for the helper, which is removed afterwards. Results are keyed by the given paths.
 */
export async function analyzePythonSources(
  sources: Record<string, string>,
  options: Omit<AnalyzePythonOptions, 'cwd'> = {},
): Promise<PythonAnalysis> {
  const paths = Object.keys(sources);
  if (paths.length === 0) return analyzePython([], options);
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-py-'));
  try {
    const files = paths.map((path, i) => {
      const file = join(dir, String(i), path.replace(/^\/+/, ''));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, sources[path]);
      return file;
    });
    const analysis = await analyzePython(files, options);
    return { ...analysis, files: Object.fromEntries(paths.map((path, i) => [path, analysis.files[files[i]]])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
