import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { errorMessage } from '../../util/errors';
import { auditProjects, rehearseAudits } from '../audit-project';
import { transferError } from '../transferred-error';
import { connectTo, receive, requestsOf, send, type AuditMessage, type ClientMessage, type WarmMessage } from './service-protocol';
import { changedWorkspaceModule } from './workspace-modules';

/** A service with nothing to do for this long stops. */
export const SERVICE_IDLE_MS = 15 * 60_000;

export interface ServiceOptions {
  /** The only workspace it audits. */
  workspaceRoot: string;
  idleMs?: number;
  /** Called once it has stopped listening (the process entry exits then). */
  onStop?: () => void;
}

export interface AuditService {
  /** Batches answered so far. */
  readonly batches: number;
  /** Stops listening, once the batches that came are done. */
  close(): Promise<void>;
}

/**
 * The audit service: a process that stays after an audit so that the next one skips what every new process pays
 * (loading the checks, TypeScript and ts-morph, parsing the TypeScript lib files: about 4 CPU-s for a single
 * project). Each batch gets a new workspace, as in a new process: facts are computed again from the files; what
 * stays is only keyed by content (parsed files). Batches run one after another, in the order they came. When a
 * module it loaded from the workspace itself has changed, it refuses the batch and stops (the client audits it).
 * Resolves once it listens; rejects when another service already answers on the socket.
 */
export async function serveAudits(socketPath: string, options: ServiceOptions): Promise<AuditService> {
  const idleMs = options.idleMs ?? SERVICE_IDLE_MS;
  let queue: Promise<void> = Promise.resolve();
  let active = 0;
  let batches = 0;
  let idle: NodeJS.Timeout | undefined;
  let stopping = false;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));

  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearTimeout(idle);
    // Node removes the socket file; the callback comes once the connections of the batches under way have ended.
    server.close(() => {
      options.onStop?.();
      markClosed();
    });
  };
  const armIdle = () => {
    clearTimeout(idle);
    if (active === 0 && !stopping) idle = setTimeout(stop, idleMs).unref();
  };
  const handle = async (socket: Socket, message: AuditMessage | WarmMessage) => {
    if (stopping) return refuse(socket, 'the audit service is stopping');
    const changed = changedWorkspaceModule(options.workspaceRoot);
    if (changed) {
      stop();
      return refuse(socket, `${changed}, which the audit service loaded, has changed`);
    }
    if (message.type === 'warm') {
      socket.end();
      const requests = requestsOf(message);
      if (!foreignRequest(requests, options.workspaceRoot)) await rehearseAudits(requests);
      return;
    }
    batches++;
    return answer(socket, requestsOf(message), options.workspaceRoot);
  };
  const server = createServer((socket) => {
    socket.on('error', () => socket.destroy());
    receive<ClientMessage>(socket, (message) => {
      if (message.type === 'stop') {
        stop();
        socket.end();
        return;
      }
      active++;
      clearTimeout(idle);
      queue = queue
        .then(() => handle(socket, message))
        .finally(() => {
          active--;
          armIdle();
        });
    });
  });
  await listen(server, socketPath);
  changedWorkspaceModule(options.workspaceRoot); // stamps what is loaded so far
  armIdle();
  return {
    get batches() {
      return batches;
    },
    close: () => {
      stop();
      return closed;
    },
  };
}

async function answer(socket: Socket, requests: ReturnType<typeof requestsOf>, workspaceRoot: string): Promise<void> {
  try {
    const foreign = foreignRequest(requests, workspaceRoot);
    if (foreign) throw new Error(`this audit service serves ${workspaceRoot}, not ${foreign.workspaceRoot}`);
    const index = new Map(requests.map((request, i) => [request, i]));
    for await (const { request, result, error } of auditProjects(requests)) {
      if (socket.destroyed) return; // the client went away: it audits what it has no answer for itself
      send(socket, { index: index.get(request)!, result, error: transferError(error) });
    }
    send(socket, { done: true });
  } catch (error) {
    refuse(socket, errorMessage(error));
    return;
  }
  socket.end();
}

/** A request of another workspace than the one the service serves, if any. */
function foreignRequest(requests: ReturnType<typeof requestsOf>, workspaceRoot: string) {
  return requests.find((r) => r.workspaceRoot !== workspaceRoot);
}

/** Ends a batch with nothing (more) done: the client audits what has no answer itself. */
function refuse(socket: Socket, why: string): void {
  if (!socket.destroyed) send(socket, { done: true, fatal: why });
  socket.end();
}

/** Listens on the socket; a socket file left by a service that died is removed first, a live one is not taken. */
async function listen(server: Server, socketPath: string): Promise<void> {
  mkdirSync(dirname(socketPath), { recursive: true, mode: 0o700 });
  try {
    await listenOnce(server, socketPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || (await answers(socketPath))) throw error;
    rmSync(socketPath, { force: true });
    await listenOnce(server, socketPath);
  }
}

function listenOnce(server: Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function answers(socketPath: string): Promise<boolean> {
  const socket = await connectTo(socketPath);
  socket?.destroy();
  return socket !== undefined;
}
