import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import type { AuditProjectRequest } from '../audit-project';
import { auditThreads } from '../audit-threads';
import type { Audited } from '../parallel-audits';
import { lazyModule } from '../../util/lazy-module';
import { pushQueue } from '../../util/push-queue';
import { receiveError } from '../transferred-error';
import { auditServiceEnabled, serviceSocket } from './service-address';
import { auditMessage, connectTo, receive, send, type ServiceMessage } from './service-protocol';

// The audits run here only when the service does not answer: a task process it serves never loads the checks.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
const local = lazyModule(() => require('../parallel-audits') as typeof import('../parallel-audits'));

/** A service that says nothing for this long is given up: what it has not answered is audited here. */
const SILENCE_MS = 10 * 60_000;
/** How many of its audits the process that started the service has it rehearse (see warmService). */
const REHEARSED = 2;

export interface ServedAuditOptions {
  env?: NodeJS.ProcessEnv;
  /** The service's compiled entry (next to this file once built). */
  serviceScript?: string;
}

/**
 * The audits of a batch, by the workspace's audit service when it runs (see audit-service.ts), else here (on
 * threads for a large batch, see auditProjectsInParallel) while a service is started for the next run. Batches
 * that go to threads, requests that carry their checks as functions, and workspaces where the service is off
 * (auditServiceEnabled) are audited here. A service that fails or goes away leaves what it did not answer to
 * this process: the results are the same either way, only the time differs.
 */
export async function* auditProjectsServed(
  requests: readonly AuditProjectRequest[],
  { env = process.env, serviceScript = join(__dirname, 'audit-service-main.js') }: ServedAuditOptions = {},
): AsyncGenerator<Audited> {
  const root = requests[0]?.workspaceRoot;
  const servable =
    root !== undefined &&
    requests.every((r) => r.checks === undefined && r.workspaceRoot === root) &&
    auditThreads(requests.length, env) === 1 &&
    auditServiceEnabled(root, env) &&
    existsSync(serviceScript);
  if (!servable) {
    yield* local().auditProjectsInParallel(requests);
    return;
  }
  const socketPath = serviceSocket({ workspaceRoot: root, cwd: process.cwd(), env });
  const socket = await connectTo(socketPath);
  if (!socket) {
    startService(serviceScript, socketPath, root, env);
    try {
      yield* local().auditProjectsInParallel(requests);
    } finally {
      // also when the caller stops at the first result (the single-project executor)
      await warmService(socketPath, requests.slice(0, REHEARSED));
    }
    return;
  }
  const answered = new Set<number>();
  for await (const message of messages(socket, auditMessage(requests))) {
    if (!('index' in message) || answered.has(message.index) || !requests[message.index]) continue;
    answered.add(message.index);
    yield { request: requests[message.index], result: message.result, error: receiveError(message.error) };
  }
  const left = requests.filter((_, i) => !answered.has(i));
  if (left.length > 0) yield* local().auditProjectsInParallel(left);
}

/** The service's messages for one batch, until it is done, goes away or falls silent. */
async function* messages(socket: Socket, batch: ReturnType<typeof auditMessage>): AsyncGenerator<ServiceMessage> {
  const received = pushQueue<ServiceMessage>();
  const end = () => {
    socket.destroy();
    received.close();
  };
  receive<ServiceMessage>(socket, (message) => {
    received.push(message);
    if ('done' in message) end();
  });
  socket.on('error', end);
  socket.on('close', end);
  socket.setTimeout(SILENCE_MS, end);
  send(socket, batch);
  yield* received;
}

/** Starts the service in the background for the next run; it outlives this process. */
function startService(script: string, socketPath: string, workspaceRoot: string, env: NodeJS.ProcessEnv): void {
  try {
    const child = spawn(process.execPath, [script, '--detach', socketPath, workspaceRoot], {
      cwd: workspaceRoot,
      env,
      detached: true,
      stdio: 'ignore',
    });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no service: every run audits in its own process, as without one
  }
}

/**
 * Has the service this process started rehearse some of the audits it ran (writing nothing), once they are done
 * and the machine is free again: the next run's batch then finds the lib files parsed and the checks' modules
 * loaded (about 5 CPU-s on the first batch otherwise). Nothing when the service does not answer yet.
 */
async function warmService(socketPath: string, requests: readonly AuditProjectRequest[]): Promise<void> {
  const socket = await connectTo(socketPath);
  if (!socket) return;
  await new Promise<void>((resolve) => {
    socket.on('error', () => resolve());
    send(socket, { ...auditMessage(requests), type: 'warm' });
    socket.end(() => resolve());
  });
  socket.destroy();
}

/** Asks the service on `socketPath` to stop once its current batch is done; false when none answers. */
export async function stopAuditService(socketPath: string): Promise<boolean> {
  const socket = await connectTo(socketPath);
  if (!socket) return false;
  await new Promise<void>((resolve) => {
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
    send(socket, { type: 'stop' });
  });
  return true;
}
