import { availableParallelism } from 'node:os';

/**
 * Fewer projects than this per thread, and a thread does not pay: each loads the checks and builds the batch-wide
 * programs (type-coverage, the typed parts) of its share, which cost nearly as much for half the projects (100
 * projects: 18.8 s on one thread, 20.0 s on two; 300: 56.8 s, 47.4 s).
 */
const PROJECTS_PER_THREAD = 100;
const MAX_THREADS = 4;

/**
 * How many threads a batch of `projects` audits runs on: one per core (four at most) while each gets enough
 * projects; SHIPSHAPE_AUDIT_THREADS=<n> sets it (1: all in this thread).
 */
export function auditThreads(projects: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.SHIPSHAPE_AUDIT_THREADS);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, projects);
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.floor(projects / PROJECTS_PER_THREAD)));
}
