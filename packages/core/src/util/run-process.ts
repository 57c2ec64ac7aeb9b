import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started (ENOENT, EACCES). */
  spawnError?: NodeJS.ErrnoException;
  /** Stopped because it ran past its time limit. */
  timedOut: boolean;
}

export interface RunProcessOptions {
  /** Every process is bounded in time: past this it is stopped, with everything it started (SIGTERM, then SIGKILL). */
  timeoutMs: number;
  cwd?: string;
  /** Fed on stdin (then closed). */
  input?: string;
  /** Copy its output to ours as it comes (a person watching a guard target). */
  stream?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** How long the output of a program that has exited may stay open (held by something it started) before the run ends. */
const EXIT_GRACE_MS = 2_000;

/**
 * The one way Shipshape runs a program: without a shell, in its own process group (so that stopping it stops
 * what it started, a wrapper script's children included), bounded in time; never rejects.
 */
export function runProcess(command: string, args: readonly string[], options: RunProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const grouped = process.platform !== 'win32';
    // An explicit env: the `process.env` of this module's realm (jest gives each test file its own) picks the PATH searched.
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      detached: grouped,
    });
    const stop = (signal: NodeJS.Signals) => {
      try {
        if (grouped && child.pid) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    };
    let timedOut = false;
    let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const timer = setTimeout(() => {
      // Ended in time, and only what it left behind holds the output open: that is stopped, the result stands.
      if (exited) return abandon(exited.code, exited.signal);
      timedOut = true;
      stop('SIGTERM');
      setTimeout(() => stop('SIGKILL'), 5_000).unref();
    }, options.timeoutMs);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let spawnError: NodeJS.ErrnoException | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      if (options.stream) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      if (options.stream) process.stderr.write(chunk);
    });
    // A child that exits before reading its input makes the write fail with EPIPE; its exit code tells the story.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => (spawnError = error));
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        spawnError,
        timedOut,
      });
    };
    // The program has ended, but something it started may still hold its output open (a wrapper's background
    // child, one that left the process group): what is left of the group is stopped, and the run ends anyway.
    const abandon = (code: number | null, signal: NodeJS.Signals | null) => {
      stop('SIGKILL');
      child.stdout.destroy();
      child.stderr.destroy();
      finish(code, signal);
    };
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      grace = setTimeout(() => abandon(code, signal), EXIT_GRACE_MS);
    });
    child.on('close', finish);
    child.stdin.end(options.input ?? '');
  });
}
