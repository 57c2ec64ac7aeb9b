// Runs a command in a test workspace and captures what it prints.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Resolve with the result instead of throwing when the command exits non-zero. */
  allowFailure?: boolean;
  /**
   * Safety net against a hung command (default 10 minutes): the command is killed and the run
   * fails. Nothing asserts on durations; this only keeps CI from hanging.
   */
  hangGuardMs?: number;
  /** Also stream the output live (default: when E2E_VERBOSE=1). */
  stream?: boolean;
  /** How to show the command in the logs and in a failure (default: the command as given). */
  name?: string;
}

export interface RunResult {
  command: string;
  cwd: string;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout then stderr, ANSI colours removed. */
  output: string;
  durationMs: number;
}

// eslint-disable-next-line no-control-regex -- ANSI escape sequences are control characters by definition
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

const running = new Set<ChildProcess>();

/** Kills whatever commands are still running (for afterAll after a timed-out test). */
export function killRunningCommands(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

export function formatResult(result: RunResult): string {
  return [
    `$ ${result.command}  (in ${result.cwd})`,
    `exit ${result.status ?? result.signal} after ${(result.durationMs / 1000).toFixed(1)}s`,
    '--- stdout ---',
    stripAnsi(result.stdout).trimEnd(),
    '--- stderr ---',
    stripAnsi(result.stderr).trimEnd(),
  ].join('\n');
}

function note(line: string): void {
  process.stderr.write(`  [e2e] ${line}\n`);
}

export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const display = [options.name ?? command, ...args].join(' ');
  const stream = options.stream ?? process.env.E2E_VERBOSE === '1';
  const started = Date.now();
  note(`$ ${display}`);
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      if (stream) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      if (stream) process.stderr.write(chunk);
    });
    let hung = false;
    const guard = setTimeout(
      () => {
        hung = true;
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      },
      options.hangGuardMs ?? 10 * 60 * 1000,
    );
    child.once('error', (error) => {
      clearTimeout(guard);
      running.delete(child);
      reject(error);
    });
    child.once('close', (status, signal) => {
      clearTimeout(guard);
      running.delete(child);
      const result: RunResult = {
        command: display,
        cwd: options.cwd,
        status,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        output: '',
        durationMs: Date.now() - started,
      };
      result.output = stripAnsi(`${result.stdout}\n${result.stderr}`);
      note(`  exit ${status ?? signal} (${(result.durationMs / 1000).toFixed(1)}s)`);
      if (hung) {
        reject(new Error(`command hung and was killed:\n${formatResult(result)}`));
      } else if (status !== 0 && !options.allowFailure) {
        reject(new Error(`command failed:\n${formatResult(result)}`));
      } else {
        resolveRun(result);
      }
    });
  });
}
