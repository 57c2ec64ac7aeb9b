import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The shell's fast path of the Python cache key (see python-cache-key.ts). Nx runs a runtime input's command on
 * every command that hashes a Python project's audit, twice; starting Node for it holds the hashing threads about
 * 0.2 s at 1,000 projects even when the key comes from its cache file. So once Node has served a key from that
 * file, it also writes a shell script that prints the same key while the same stat of the same files prints the
 * same lines, and the environment that picks the interpreter is the same. Anything else, and the script prints
 * nothing and fails, and the command falls back to Node. The script never decides a key: it repeats one Node
 * decided, for a state of the files it recorded before Node checked them.
 */

/** The variables python-cache-key.ts reads to pick the interpreter. */
const ENVIRONMENT = ['PATH', 'SHIPSHAPE_PYTHON', 'PYENV_VERSION', 'PYENV_DIR', 'PYENV_HOOK_PATH'] as const;

/** Inode, size, mtime to the nanosecond, mode and owner (what `access` decides by), then the path; links followed. */
const STAT_FORMAT = '%i %s %.9Y %f %u %g %n';
/** A line of GNU stat with that format; BSD and BusyBox stat print otherwise or fail, and no script is written. */
const STAT_LINE = /^\d+ \d+ \d+\.\d{9} [0-9a-f]+ \d+ \d+ ./;

/** Where the Python key's cache files and scripts are kept, relative to the workspace. */
export const PYTHON_KEY_CACHE_DIR = join('node_modules', '.cache', 'shipshape');

/** The script's file name for one `python` option. */
export function pythonKeyScriptName(configured?: string): string {
  const name = createHash('sha256')
    .update(configured ?? '')
    .digest('hex')
    .slice(0, 16);
  return `python-key-${name}.sh`;
}

/** The script of one `python` option, relative to the workspace (where Nx runs runtime inputs). */
export function pythonKeyScript(configured?: string): string {
  return join(PYTHON_KEY_CACHE_DIR, pythonKeyScriptName(configured));
}

/** The stat command both Node and the script run; its output is the state the key was decided for. */
function statCommand(paths: readonly string[]): string {
  return `stat -L -c ${quote(STAT_FORMAT)} -- ${paths.map(quote).join(' ')} 2>/dev/null`;
}

/**
 * Runs the script's stat of `paths` now, before the caller checks them: a change after this is either seen by the
 * caller's check or makes the script's own stat differ. Undefined where the stat is not GNU's (or there is no /bin/sh).
 */
export function recordStamps(paths: readonly string[]): { paths: readonly string[]; output: string } | undefined {
  if (paths.length === 0) return undefined;
  const result = spawnSync('/bin/sh', ['-c', statCommand(paths)], { encoding: 'utf8', env: process.env, timeout: 5_000 });
  const output = (result.stdout ?? '').replace(/\n+$/, ''); // as the shell's $(…) keeps it
  return output !== '' && output.split('\n').every((line) => STAT_LINE.test(line)) ? { paths, output } : undefined;
}

/** Writes (atomically) the script that prints `key` while the stat output and the environment are as recorded. */
export function writePythonKeyScript(file: string, stamps: { paths: readonly string[]; output: string }, key: string, cwd: string): void {
  const checks = ENVIRONMENT.map((name) => {
    const value = process.env[name];
    return value === undefined ? `[ -z "\${${name}+set}" ]` : `[ "\${${name}+set}" = set ] && [ "$${name}" = ${quote(value)} ]`;
  });
  const script = [
    '# Written by @shipshape/pipeline (python-key-script.ts); prints a cached Python key only while nothing changed.',
    `${checks.join(' &&\n')} &&`,
    `[ "$(pwd -P)" = ${quote(cwd)} ] || exit 1`,
    `s=$(${statCommand(stamps.paths)})`,
    `[ "$s" = ${quote(stamps.output)} ] || exit 1`,
    `printf '%s\\n' ${quote(key)}`,
    '',
  ].join('\n');
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, script);
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true }); // a read-only workspace only loses the fast path
  }
}

/** A POSIX shell word that is exactly `value`. */
function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
