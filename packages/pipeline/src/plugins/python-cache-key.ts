import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import type { readPythonEnvironment } from '@shipshape/core/python';
import { PYTHON_KEY_CACHE_DIR, pythonKeyScriptName, recordStamps, writePythonKeyScript } from './python-key-script';

type ImportPaths = NonNullable<NonNullable<Awaited<ReturnType<typeof readPythonEnvironment>>>['importPaths']>;

/** A key as the Python helper computed it, with what it was read from when there was a Python. */
export interface ComputedPythonKey {
  key: string;
  /** The interpreter's `sys.executable`; absent when there is no Python. */
  executable?: string;
  /** The stamps of what the distributions were read from (see PythonEnvironment.importPaths). */
  importPaths?: ImportPaths;
}

/**
 * What a Python project's audit result depends on besides its files: the interpreter it runs with (found as the
 * audit finds it: the `python` option, then SHIPSHAPE_PYTHON, python3), its full version, and a digest of what it
 * has installed. One path may be another Python on another machine; no Python at all is a key of its own. Runs
 * Python twice (core's version probe, then the environment scan), so pythonCacheKey keeps its result on disk.
 */
export async function computePythonKey(configured?: string): Promise<ComputedPythonKey> {
  // Loaded here, not at the top: a key served from the disk cache needs nothing of core.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the cache cannot answer
  const { findPython, readPythonEnvironment } = require('@shipshape/core/python') as typeof import('@shipshape/core/python');
  let python: string;
  try {
    python = await findPython(configured);
  } catch (error) {
    return { key: `python: none (${(error as Error).message.split(':')[0]})` };
  }
  const environment = await readPythonEnvironment(python, undefined, { importPaths: true }).catch(() => null);
  const digest = createHash('sha256')
    .update(JSON.stringify(environment?.versions ?? {}))
    .digest('hex')
    .slice(0, 16);
  return {
    key: `python: ${python} ${environment?.interpreter?.version ?? 'version unknown'}; installed distributions ${digest}`,
    executable: python,
    importPaths: environment?.importPaths,
  };
}

export interface PythonCacheKeyOptions {
  /** Folder of the cache files; default node_modules/.cache/shipshape of the working directory (the workspace). */
  cacheDir?: string;
  /** Computes the key when the cache cannot answer (it spawns Python); default computePythonKey. */
  compute?: (configured?: string) => Promise<ComputedPythonKey>;
}

/** Bumped when what a cache file holds, or how its inputs are read, changes. */
const FORMAT = 1;

/**
 * The Python cache key (see computePythonKey), served from a file under node_modules/.cache/shipshape without
 * running Python while nothing it depends on changed:
 * - what picks the interpreter: the `python` option, SHIPSHAPE_PYTHON, PATH, the working directory, and the file
 *   each candidate resolves to on the PATH (path, real path, size, mtime, inode), as findPython would try them;
 * - the interpreter and what it reads its distributions from, stamped by the Python helper before it read them
 *   (sys.path, the site-packages folders, present or not, their .pth files: installing or removing a distribution
 *   adds or removes an entry of its folder, which changes the folder's mtime);
 * - the code that computes the key (this file, core's Python helper).
 * The key is cached only when the candidate is the interpreter itself (its real path is that of `sys.executable`:
 * a plain install or a virtual environment), or a pyenv shim, whose choice is stamped too (PYENV_VERSION,
 * PYENV_DIR, the .python-version files from the working directory up, pyenv's global version file). Another
 * launcher may pick another interpreter with nothing here changed, so it runs Python every time, as does "no
 * Python" (a failed spawn is cheap) and Windows. A cache file that is missing, unreadable or corrupt is ignored and
 * rewritten (atomically, by rename).
 */
export async function pythonCacheKey(configured?: string, options: PythonCacheKeyOptions = {}): Promise<string> {
  const compute = options.compute ?? computePythonKey;
  if (process.platform === 'win32') return (await compute(configured)).key;
  const cwd = process.cwd();
  const cacheFile = join(
    options.cacheDir ?? join(cwd, PYTHON_KEY_CACHE_DIR),
    // One file per way of choosing the interpreter: `npx nx` (node_modules/.bin first on the PATH) and a plain `nx`
    // alternating do not recompute each other's key every time.
    `python-key-${createHash('sha256')
      .update(JSON.stringify([configured ?? '', process.env.SHIPSHAPE_PYTHON ?? '', process.env.PATH ?? '']))
      .digest('hex')
      .slice(0, 16)}.json`,
  );
  const cached = readCache(cacheFile);
  // Recorded before the check below, so the shell script never repeats a key for a state Node did not check.
  const stamps = cached ? recordStamps(stampedPaths(configured, cwd, cached)) : undefined;
  // Read before Python runs: a change while it runs makes the next command recompute.
  const inputs = interpreterInputs(configured, cwd);
  if (
    cached &&
    JSON.stringify(cached.inputs) === JSON.stringify(inputs) &&
    cached.importPaths.every(([path, stamp]) => fileStamp(path) === stamp)
  ) {
    if (stamps) writePythonKeyScript(join(dirname(cacheFile), pythonKeyScriptName(configured)), stamps, cached.key, cwd);
    return cached.key;
  }
  const computed = await compute(configured);
  if (computed.executable && computed.importPaths && cacheable(inputs, computed.executable))
    writeCache(cacheFile, { format: FORMAT, inputs, importPaths: computed.importPaths, key: computed.key });
  return computed.key;
}

interface CacheFile {
  format: number;
  inputs: InterpreterInputs;
  importPaths: ImportPaths;
  key: string;
}

type InterpreterInputs = ReturnType<typeof interpreterInputs>;

/** What picks the interpreter, read without running anything. */
function interpreterInputs(configured: string | undefined, cwd: string) {
  const commands = pythonCommands(configured).map((command) => {
    const path = which(command, cwd);
    return {
      command,
      path,
      real: path ? realpath(path) : null,
      stamp: path ? fileStamp(path) : null,
      pyenv: path ? pyenvInputs(path, cwd) : null,
    };
  });
  return {
    configured: configured ?? null,
    SHIPSHAPE_PYTHON: process.env.SHIPSHAPE_PYTHON ?? null,
    PATH: process.env.PATH ?? null,
    cwd,
    code: [fileStamp(__filename), fileStamp(pythonHelper())],
    commands,
  };
}

/**
 * Every file whose stamp a cached key was checked against: each place the interpreter could be found (so a new
 * python3 earlier on the PATH is seen), pyenv's version files, the code that computes the key, and what the
 * distributions were read from.
 */
function stampedPaths(configured: string | undefined, cwd: string, cached: CacheFile): string[] {
  const candidates = pythonCommands(configured).flatMap((command) => candidatePaths(command, cwd));
  const versionFiles = cached.inputs.commands.flatMap((command) => command.pyenv?.versionFiles.map(([file]) => file) ?? []);
  const code = [__filename, pythonHelper()].filter(Boolean);
  return [...new Set([...candidates, ...versionFiles, ...code, ...cached.importPaths.map(([path]) => path)])];
}

/** The commands findPython tries, in its order: the `python` option, else SHIPSHAPE_PYTHON, else python3 and python. */
function pythonCommands(configured: string | undefined): string[] {
  const named = configured || process.env.SHIPSHAPE_PYTHON;
  return named ? [named] : ['python3', 'python'];
}

/** The key may be kept when the first command found is the interpreter itself or a pyenv shim. */
function cacheable(inputs: InterpreterInputs, executable: string): boolean {
  const first = inputs.commands.find((command) => command.path);
  return !!first && (first.pyenv !== null || (first.real !== null && first.real === realpath(executable)));
}

/** Where spawn finds a command: a path (it has a slash) from the working directory, or the first executable on PATH. */
function which(command: string, cwd: string): string | null {
  return candidatePaths(command, cwd).find(isExecutable) ?? null;
}

/** Where spawn looks for a command, in order. Without PATH, the system's default search path: not worth following. */
function candidatePaths(command: string, cwd: string): string[] {
  if (command.includes('/')) return [resolve(cwd, command)];
  return process.env.PATH === undefined ? [] : process.env.PATH.split(delimiter).map((folder) => resolve(cwd, folder || '.', command));
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * When `path` is a pyenv shim: what pyenv picks the version by (`pyenv version-name`: PYENV_VERSION, else the first
 * .python-version from PYENV_DIR or the working directory up, else $PYENV_ROOT/version). Null otherwise.
 */
function pyenvInputs(path: string, cwd: string) {
  let shim: string;
  try {
    shim = readFileSync(path, 'utf8').slice(0, 4096);
  } catch {
    return null;
  }
  const root = /^export PYENV_ROOT="([^"]+)"$/m.exec(shim)?.[1];
  if (!root || !/\/libexec\/pyenv" exec /.test(shim)) return null;
  const versionFiles = [join(root, 'version')];
  for (let folder = resolve(cwd, process.env.PYENV_DIR ?? '.'); ; folder = dirname(folder)) {
    versionFiles.push(join(folder, '.python-version'));
    if (dirname(folder) === folder) break;
  }
  return {
    root,
    PYENV_VERSION: process.env.PYENV_VERSION ?? null,
    PYENV_DIR: process.env.PYENV_DIR ?? null,
    PYENV_HOOK_PATH: process.env.PYENV_HOOK_PATH ?? null,
    versionFiles: versionFiles.map((file): [string, string | null] => [file, fileStamp(file)]),
  };
}

/** `mtimeNs:size:inode`, as the Python helper stamps a path (stat follows links); null when absent. */
export function fileStamp(path: string): string | null {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.mtimeNs}:${stat.size}:${stat.ino}`;
  } catch {
    return null;
  }
}

function realpath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function pythonHelper(): string {
  try {
    return join(dirname(require.resolve('@shipshape/core/package.json')), 'dist', 'adapters', 'python', 'shipshape_ast.py');
  } catch {
    return '';
  }
}

function readCache(file: string): CacheFile | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile> | null;
    if (
      cached?.format === FORMAT &&
      typeof cached.key === 'string' &&
      Array.isArray(cached.inputs?.commands) &&
      Array.isArray(cached.importPaths) &&
      cached.importPaths.length > 0 &&
      cached.importPaths.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string')
    )
      return cached as CacheFile;
  } catch {
    // missing, unreadable or corrupt: computed again
  }
  return undefined;
}

function writeCache(file: string, content: CacheFile): void {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(content));
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true }); // a read-only workspace only loses the cache
  }
}
