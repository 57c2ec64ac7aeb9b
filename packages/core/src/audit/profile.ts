import { appendFileSync } from 'node:fs';

/**
 * With SHIPSHAPE_PROFILE=<file>, every check's time on every project (its prerequisites included: a fact is timed
 * by the first check that needs it) is appended to that file as one JSON line. tools/bench/profile.mjs sums them.
 */
export function recordCheckTime(project: string, check: string, ms: number): void {
  const file = process.env.SHIPSHAPE_PROFILE;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ project, check, ms: Math.round(ms), pid: process.pid })}\n`);
}
