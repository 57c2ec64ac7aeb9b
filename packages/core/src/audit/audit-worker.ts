import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../util/errors';
import { auditProjects, type AuditProjectRequest } from './audit-project';
import { transferError } from './transferred-error';

/** A worker thread of a parallel batch (see parallel-audits.ts): audits its share and posts each result. */
async function main(requests: AuditProjectRequest[]): Promise<void> {
  const index = new Map(requests.map((request, i) => [request, i]));
  for await (const { request, result, error } of auditProjects(requests)) {
    parentPort?.postMessage({ index: index.get(request), result, error: transferError(error) });
  }
}

void main((workerData as { requests: AuditProjectRequest[] }).requests).then(
  () => parentPort?.postMessage({ done: true }),
  (error: unknown) => parentPort?.postMessage({ done: true, fatal: errorMessage(error) }),
);
