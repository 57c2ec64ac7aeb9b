import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { auditProjects, type AuditProjectRequest, type AuditProjectResult } from './audit-project';
import { auditThreads } from './audit-threads';
import { pushQueue } from '../util/push-queue';
import { receiveError, type TransferredError } from './transferred-error';

export type Audited = { request: AuditProjectRequest; result?: AuditProjectResult; error?: unknown };

/** The requests cut, in their order, into `count` runs of nearly equal length. */
export function shares<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, i) => items.slice(i * size, (i + 1) * size)).filter((share) => share.length > 0);
}

/**
 * `auditProjects` on several threads: Nx's batch mode runs all the audits of a `run-many` in one process, which
 * would use one core of the machine. The batch is cut, in its order (projects near each other in it share typed
 * programs), into one share per thread; this thread audits the first, worker threads the others, each with its
 * own workspace. Results come as they are done. Requests that carry their checks (functions) stay in this thread.
 * `workerScript`: the worker's compiled code (next to this file once built; a test from the sources names the build's).
 */
export async function* auditProjectsInParallel(
  requests: readonly AuditProjectRequest[],
  { threads = auditThreads(requests.length), workerScript = join(__dirname, 'audit-worker.js') } = {},
): AsyncGenerator<Audited> {
  if (threads <= 1 || requests.some((r) => r.checks !== undefined) || !existsSync(workerScript)) {
    yield* auditProjects(requests);
    return;
  }
  const [own, ...others] = shares(requests, threads);
  const done = pushQueue<Audited>();
  const push = (item: Audited) => done.push(item);
  let running = 1 + others.length;
  const finish = () => {
    if (--running === 0) done.close();
  };
  for (const share of others) {
    const answered = new Set<number>();
    const worker = new Worker(workerScript, { workerData: { requests: share } });
    let finished = false;
    const end = (error?: unknown) => {
      if (finished) return;
      finished = true;
      share.forEach((request, i) => {
        if (!answered.has(i)) push({ request, error: error ?? new Error('the audit thread stopped before this project') });
      });
      finish();
    };
    worker.on(
      'message',
      (message: { index?: number; result?: AuditProjectResult; error?: TransferredError; done?: boolean; fatal?: string }) => {
        if (message.done) {
          end(message.fatal === undefined ? undefined : new Error(message.fatal));
          void worker.terminate();
          return;
        }
        if (message.index === undefined) return;
        answered.add(message.index);
        push({ request: share[message.index], result: message.result, error: receiveError(message.error) });
      },
    );
    worker.on('error', (error) => end(error));
    worker.on('exit', () => end());
  }
  void (async () => {
    const answered = new Set<AuditProjectRequest>();
    try {
      for await (const item of auditProjects(own)) {
        answered.add(item.request);
        push(item);
      }
    } catch (error) {
      for (const request of own) if (!answered.has(request)) push({ request, error });
    }
    finish();
  })();
  yield* done;
}
