import { IncompleteAuditError, ShipshapeError } from '../../util/errors';
import { runProcess } from '../../util/run-process';

const MINIMUM = [3, 8] as const;
const VERSION_PROBE = 'import sys; print("%d %d %s" % (sys.version_info[0], sys.version_info[1], sys.executable))';

/** No usable Python: the audit reports the Python checks as skipped, not failed. */
export class PythonUnavailableError extends IncompleteAuditError {
  constructor(project?: string, tried?: string) {
    const what = tried ? `${tried} could not be run` : 'python3 was not found on the PATH';
    const checks = project ? `the Python checks of ${project}` : 'the Python checks';
    super(`${what}: ${checks} were skipped. Install Python 3.8+ or set SHIPSHAPE_PYTHON.`);
    this.name = 'ShipshapeError';
  }
}

/** How long an interpreter may take to say which version it is. */
export const PROBE_TIMEOUT_MS = 15_000;

type Probe = { python: string } | { problem: string };

/** Runs the version probe: the interpreter's real executable, or why it cannot be used. */
async function probe(candidate: string, timeoutMs: number): Promise<Probe> {
  const result = await runProcess(candidate, ['-I', '-c', VERSION_PROBE], { timeoutMs });
  if (result.timedOut) return { problem: `did not answer within ${timeoutMs / 1000} s and was stopped` };
  if (result.spawnError) return { problem: `could not be run (${result.spawnError.code ?? result.spawnError.message})` };
  const match = /^(\d+) (\d+) (.*)$/.exec(result.stdout.trim());
  if (result.code !== 0 || !match)
    return {
      problem: `is not a working Python (exit code ${result.code}${result.stdout.trim() ? `, printed "${result.stdout.trim().slice(0, 80)}"` : ''})`,
    };
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1]))
    return { problem: `is Python ${major}.${minor}; Shipshape needs ${MINIMUM.join('.')} or newer` };
  return { python: match[3] || candidate };
}

/**
 * The interpreter to run the helper with. One named by the `python` option or SHIPSHAPE_PYTHON must work: a
 * broken one is an error, never a silent fall-back to another Python. Otherwise `python3`, then `python`, the
 * first that runs and is 3.8 or newer; none is PythonUnavailableError (the Python checks are skipped). Returns
 * its `sys.executable`, so later runs skip launchers such as pyenv shims. A run asks once (the
 * `python/interpreter` workspace fact).
 */
export async function findPython(configured?: string, project?: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<string> {
  const named = configured
    ? { python: configured, by: 'the "python" option' }
    : process.env.SHIPSHAPE_PYTHON
      ? { python: process.env.SHIPSHAPE_PYTHON, by: 'SHIPSHAPE_PYTHON' }
      : undefined;
  if (named) {
    const found = await probe(named.python, timeoutMs);
    if ('python' in found) return found.python;
    throw new ShipshapeError(
      `${named.by} names ${named.python}, which ${found.problem}: fix it, or unset it to use the python3 on the PATH`,
    );
  }
  for (const candidate of ['python3', 'python']) {
    const found = await probe(candidate, timeoutMs);
    if ('python' in found) return found.python;
  }
  throw new PythonUnavailableError(project);
}
