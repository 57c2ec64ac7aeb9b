import { existsSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import type { WorkspaceGraph } from '../../facts/workspace-graph';
import type { AuditProjectRequest, AuditProjectResult } from '../audit-project';
import type { TransferredError } from '../transferred-error';

/** A batch of audits sent to the service: the graph once (every request of a batch carries the same one). */
export interface AuditMessage {
  type: 'audit';
  graph?: WorkspaceGraph;
  requests: AuditProjectRequest[];
}

/**
 * Audits the service runs as a rehearsal, writing nothing and answering nothing: sent by the process that
 * started it, once its own audits are done, so that the first batch served finds the checks ready.
 */
export interface WarmMessage extends Omit<AuditMessage, 'type'> {
  type: 'warm';
}

/** Asks the service to stop once its current work is done. */
export interface StopMessage {
  type: 'stop';
}

export type ClientMessage = AuditMessage | WarmMessage | StopMessage;

/** One project's outcome, by its index in the batch; then `done` (with `fatal` when the batch could not run). */
export type ServiceMessage = { index: number; result?: AuditProjectResult; error?: TransferredError } | { done: true; fatal?: string };

/** Sends one message: a line of JSON. */
export function send(socket: Socket, message: ClientMessage | ServiceMessage): void {
  socket.write(`${JSON.stringify(message)}\n`);
}

/** Calls `onMessage` with each line of JSON the socket receives. */
export function receive<T>(socket: Socket, onMessage: (message: T) => void): void {
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (line) onMessage(JSON.parse(line) as T);
    }
  });
}

/** The batch as sent: requests without their graph, the graph once. */
export function auditMessage(requests: readonly AuditProjectRequest[]): AuditMessage {
  const graph = requests[0]?.graph;
  const shared = graph !== undefined && requests.every((r) => r.graph === graph);
  return {
    type: 'audit',
    graph: shared ? graph : undefined,
    requests: shared ? requests.map(({ graph: _graph, ...rest }) => rest) : [...requests],
  };
}

/** The batch as received: each request with the graph again. */
export function requestsOf(message: AuditMessage | WarmMessage): AuditProjectRequest[] {
  return message.graph ? message.requests.map((request) => ({ ...request, graph: message.graph })) : message.requests;
}

/** A connection to the service on `socketPath`, or undefined when none answers there. */
export function connectTo(socketPath: string): Promise<Socket | undefined> {
  if (!existsSync(socketPath)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(undefined));
  });
}
