#!/usr/bin/env node
// Sums what SHIPSHAPE_PROFILE=<file> recorded during audits (core's audit/profile.ts): per check, the total
// milliseconds over all projects, the share of the whole, the projects it ran on and the slowest one.
//
//   SHIPSHAPE_PROFILE=/tmp/profile.jsonl npx nx run-many -t audit --skip-nx-cache
//   node tools/bench/profile.mjs /tmp/profile.jsonl [--top=20]
import { readFileSync } from 'node:fs';

const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const top = Number(process.argv.find((a) => a.startsWith('--top='))?.split('=')[1] ?? 25);
if (!file) {
  console.error('usage: node tools/bench/profile.mjs <profile.jsonl> [--top=N]');
  process.exit(2);
}
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const byCheck = new Map();
for (const { project, check, ms } of rows) {
  const entry = byCheck.get(check) ?? { total: 0, projects: 0, slowest: { ms: -1 } };
  entry.total += ms;
  entry.projects += 1;
  if (ms > entry.slowest.ms) entry.slowest = { ms, project };
  byCheck.set(check, entry);
}
const total = [...byCheck.values()].reduce((sum, e) => sum + e.total, 0);
console.log(`${rows.length} check runs, ${(total / 1000).toFixed(1)} s in checks and their facts`);
console.log('| check | total s | share | projects | slowest |');
console.log('|---|---:|---:|---:|---|');
for (const [check, e] of [...byCheck].sort((a, b) => b[1].total - a[1].total).slice(0, top))
  console.log(
    `| ${check} | ${(e.total / 1000).toFixed(1)} | ${((100 * e.total) / total).toFixed(1)} % | ${e.projects} | ${e.slowest.project} ${(e.slowest.ms / 1000).toFixed(1)} s |`,
  );
