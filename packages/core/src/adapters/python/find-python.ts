import { ShipshapeError } from '../../util/errors';
import { runProcess } from './run-process';

const MINIMUM = [3, 8] as const;
const VERSION_PROBE = 'import sys; print("%d %d %s" % (sys.version_info[0], sys.version_info[1], sys.executable))';

/** No usable Python: the audit reports the Python checks as skipped, not failed. */
export class PythonUnavailableError extends ShipshapeError {
  constructor(project?: string, tried?: string) {
    const what = tried ? `${tried} could not be run` : 'python3 was not found on the PATH';
    const checks = project ? `the Python checks of ${project}` : 'the Python checks';
    super(`${what}: ${checks} were skipped. Install Python 3.8+ or set SHIPSHAPE_PYTHON.`);
    this.name = 'ShipshapeError';
  }
}

export function isPythonUnavailable(error: unknown): boolean {
  return error instanceof PythonUnavailableError;
}

/**
 * The interpreter to run the helper with: the `python` option, SHIPSHAPE_PYTHON, then `python3`, then `python`,
 * the first that runs and is 3.8 or newer. Returns its `sys.executable`, so later runs skip launchers such as
 * pyenv shims. A run asks once (the `python/interpreter` workspace fact).
 */
export async function findPython(configured?: string, project?: string): Promise<string> {
  for (const candidate of [configured, process.env.SHIPSHAPE_PYTHON, 'python3', 'python']) {
    if (!candidate) continue;
    const result = await runProcess(candidate, ['-I', '-c', VERSION_PROBE], { timeoutMs: 15_000 });
    if (result.code !== 0) {
      if (candidate === configured) throw new PythonUnavailableError(project, configured);
      continue;
    }
    const [major, minor, ...executable] = result.stdout.trim().split(' ');
    if (Number(major) > MINIMUM[0] || (Number(major) === MINIMUM[0] && Number(minor) >= MINIMUM[1]))
      return executable.join(' ') || candidate;
  }
  throw new PythonUnavailableError(project);
}
