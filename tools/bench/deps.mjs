#!/usr/bin/env node
// The dependency benchmark (run by hand, not part of `npm test`): for synthetic workspaces of 50, 200 and
// 500 packages with planted issues (tools/bench/deps-workspace.mjs), runs Shipshape's dependency audit
// (tools/bench/shipshape-deps-audit.mjs) and `knip --dependencies` on the same workspace, each in its own
// process, and prints their times (median of the runs), the ratio, and precision and recall against the
// planted truth. The categories both tools report are compared: unused dependencies, and unlisted ones
// (imported but not declared: missing, transitive, workspace packages). Shipshape's misplaced
// devDependencies, which knip does not report outside --production, are scored on their own.
//
//   npx nx run-many -t build && node tools/bench/deps.mjs [--sizes=50,200,500] [--runs=3] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDepsWorkspace } from './deps-workspace.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const sizes = arg('sizes', '50,200,500').split(',').map(Number);
const runs = Number(arg('runs', '3'));
const keep = process.argv.includes('--keep');
const KNIP = join(repo, 'node_modules/knip/bin/knip.js');
const SHIPSHAPE = join(repo, 'tools/bench/shipshape-deps-audit.mjs');

function timed(command, args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error || (result.status !== 0 && !result.stdout.trim().startsWith('{'))) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}): ${result.error?.message ?? result.stderr.slice(-2000)}`);
  }
  return { seconds, stdout: result.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function runShipshape(workspace) {
  const { seconds, stdout } = timed(process.execPath, [SHIPSHAPE, workspace], repo);
  const { findings } = JSON.parse(stdout);
  const category = { unused: 'unused', missing: 'unlisted', transitive: 'unlisted', 'misplaced-runtime': 'misplaced' };
  const reported = findings.filter((f) => category[f.kind]).map((f) => ({ project: f.project, category: category[f.kind], name: f.name }));
  return { seconds, reported };
}

function runKnip(workspace) {
  const { seconds, stdout } = timed(
    process.execPath,
    [KNIP, '--dependencies', '--reporter', 'json', '--no-exit-code', '--no-progress'],
    workspace,
  );
  const { issues } = JSON.parse(stdout);
  const reported = [];
  const projectOf = (file) => file.match(/^packages\/[^/]+/)?.[0] ?? '.';
  for (const row of issues) {
    for (const d of [...(row.dependencies ?? []), ...(row.devDependencies ?? [])])
      reported.push({ project: projectOf(row.file), category: 'unused', name: d.name });
    for (const d of row.unlisted ?? []) reported.push({ project: projectOf(row.file), category: 'unlisted', name: d.name });
  }
  return { seconds, reported };
}

function score(reported, truth, categories) {
  const id = (f) => `${f.project} ${f.category} ${f.name}`;
  const wanted = new Set(truth.filter((t) => categories.includes(t.category)).map(id));
  const got = new Set(reported.filter((r) => categories.includes(r.category)).map(id));
  const hits = [...got].filter((g) => wanted.has(g)).length;
  return {
    precision: got.size === 0 ? 1 : hits / got.size,
    recall: wanted.size === 0 ? 1 : hits / wanted.size,
    falsePositives: [...got].filter((g) => !wanted.has(g)),
    missed: [...wanted].filter((w) => !got.has(w)),
  };
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const rows = [];
for (const packages of sizes) {
  const workspace = mkdtempSync(join(tmpdir(), `shipshape-bench-deps-${packages}-`));
  try {
    const { truth, files } = generateDepsWorkspace(workspace, { packages });
    const shipshapeRuns = [];
    const knipRuns = [];
    for (let i = 0; i < runs; i++) {
      shipshapeRuns.push(runShipshape(workspace));
      knipRuns.push(runKnip(workspace));
    }
    const shared = ['unused', 'unlisted'];
    const s = score(shipshapeRuns[0].reported, truth, shared);
    const k = score(knipRuns[0].reported, truth, shared);
    const misplaced = score(shipshapeRuns[0].reported, truth, ['misplaced']);
    const row = {
      packages,
      files,
      planted: truth.length,
      shipshape: median(shipshapeRuns.map((r) => r.seconds)),
      knip: median(knipRuns.map((r) => r.seconds)),
      s,
      k,
      misplaced,
    };
    rows.push(row);
    console.log(
      `${String(packages).padStart(4)} packages, ${String(files).padStart(5)} files, ${String(truth.length).padStart(4)} planted: ` +
        `shipshape ${row.shipshape.toFixed(2)}s, knip ${row.knip.toFixed(2)}s, ratio ${(row.shipshape / row.knip).toFixed(2)}; ` +
        `unused+unlisted precision/recall shipshape ${pct(s.precision)}/${pct(s.recall)}, knip ${pct(k.precision)}/${pct(k.recall)}; ` +
        `misplaced (shipshape only) ${pct(misplaced.precision)}/${pct(misplaced.recall)}`,
    );
    for (const [tool, result] of [
      ['shipshape', s],
      ['knip', k],
    ]) {
      if (result.falsePositives.length) console.log(`  ${tool} false positives (first 5): ${result.falsePositives.slice(0, 5).join('; ')}`);
      if (result.missed.length) console.log(`  ${tool} missed (first 5): ${result.missed.slice(0, 5).join('; ')}`);
    }
    if (keep) console.log(`  kept: ${relative(process.cwd(), workspace) || workspace}`);
  } finally {
    if (!keep) rmSync(workspace, { recursive: true, force: true });
  }
}

console.log('\n| packages | files | planted | Shipshape (s) | knip (s) | time ratio | Shipshape P / R | knip P / R |');
console.log('|---:|---:|---:|---:|---:|---:|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.packages} | ${r.files} | ${r.planted} | ${r.shipshape.toFixed(2)} | ${r.knip.toFixed(2)} | ${(r.shipshape / r.knip).toFixed(2)} | ${pct(r.s.precision)} / ${pct(r.s.recall)} | ${pct(r.k.precision)} / ${pct(r.k.recall)} |`,
  );
}
if (rows.length > 1) {
  const [first, last] = [rows[0], rows[rows.length - 1]];
  const growth = (a, b) => (Math.log(b) - Math.log(a)) / (Math.log(last.files) - Math.log(first.files));
  console.log(
    `\nGrowth from ${first.packages} to ${last.packages} packages (time ~ files^k): Shipshape k=${growth(first.shipshape, last.shipshape).toFixed(2)}, knip k=${growth(first.knip, last.knip).toFixed(2)}`,
  );
}
