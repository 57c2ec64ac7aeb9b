#!/usr/bin/env node
// The scale benchmark (run by hand, not part of `npm test`): for generated Nx workspaces of 100, 300 and 1,000
// projects (tools/bench/scale-workspace.mjs), runs interleaved, `--runs` times each, the user's paths and
// knip over the same workspace, and prints medians: wall seconds, CPU-seconds (user + system of every process
// of the run), peak memory (the largest process), processes started, the ratio to knip, and the growth
// exponent from the smallest to the largest size.
//
//   cold     nx reset, then nx run-many -t audit
//   warm     nx run-many -t audit again (every task from the cache)
//   changed  one source file of one project edited, then nx run-many -t audit
//   status   nx run <root>:status (reads every project's last report)
//   graph    nx reset, then nx show projects (the project graph alone, with Shipshape's plugins)
//   knip     knip over the whole workspace
//   daemon-warm     with the Nx daemon (as on a developer's machine; the audit service runs there too): every task
//                   from the cache, after a quiet run that starts both
//   daemon-changed  with the daemon and the audit service up: one file of a project no other project depends on
//                   edited, then nx run-many -t audit (the daemon's and the service's CPU are not the client's:
//                   only the seconds compare)
//   daemon-changed-2s  the same, with two seconds between the edit and the run (a developer saving, then turning
//                   to the terminal): the daemon computes the project graph again in that time
//   (A step without the daemon stops both workspaces' daemons first: the daemon steps of the same round then run on
//   a daemon started that round, which is slower than one that has run a while; `--steps` with daemon steps only
//   keeps it between rounds.)
//   nx-warm, nx-daemon-warm, nx-daemon-changed, nx-daemon-changed-2s
//                   the reference of the steps without `nx-`: Nx alone, on a second copy of the workspace with no
//                   Shipshape plugin and a cached no-op target of the same inputs and outputs on every project
//                   (tools/bench/scale-workspace.mjs withoutShipshape); a step's `× Nx` is its time over this one's
//
//   npx nx run-many -t build && node tools/bench/scale.mjs [--sizes=100,300,1000] [--runs=3] [--steps=cold,warm] [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateScaleWorkspace, withoutShipshape } from './scale-workspace.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const sizes = arg('sizes', '100,300,1000').split(',').map(Number);
const runs = Number(arg('runs', '3'));
const steps = arg('steps', 'cold,warm,changed,status,graph,knip').split(',');
const keep = process.argv.includes('--keep');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', NO_COLOR: '1' };

/** Processes the machine has started since boot (/proc/stat): the difference around a run counts its processes. */
const forks = () => Number(/^processes (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))[1]);

/**
 * One measured run of a command under GNU time: wall seconds, CPU of every process it waited for, the largest
 * process's memory, and the processes started. An exit code other than 0 (an audit whose gate fails) still counts.
 */
function measure(cwd, command, args) {
  const before = forks();
  const run = spawnSync('/usr/bin/time', ['-f', '@@%e %U %S %M', command, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const processes = forks() - before - 1;
  const match = /@@(\S+) (\S+) (\S+) (\S+)/.exec(run.stderr ?? '');
  if (!match) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${(run.stderr ?? String(run.error)).slice(-3000)}`);
  const [wall, user, system, rssKb] = match.slice(1).map(Number);
  return { seconds: wall, cpu: user + system, memoryMb: rssKb / 1024, processes };
}

const nx = (cwd, ...args) => measure(cwd, join(cwd, 'node_modules/.bin/nx'), args);
const quiet = (cwd, ...args) => execFileSync(join(cwd, 'node_modules/.bin/nx'), args, { cwd, env, stdio: 'ignore' });

const STEPS = {
  cold: (ws) => {
    quiet(ws.root, 'reset');
    return nx(ws.root, 'run-many', '-t', ws.target, '--output-style=static');
  },
  warm: (ws) => nx(ws.root, 'run-many', '-t', ws.target, '--output-style=static'),
  changed: (ws) => {
    appendFileSync(join(ws.root, ws.changed), `\nexport const edited${Date.now()} = 1;\n`);
    return nx(ws.root, 'run-many', '-t', ws.target, '--output-style=static');
  },
  status: (ws) => nx(ws.root, 'run', '@bench/source:status', '--output-style=static'),
  graph: (ws) => {
    quiet(ws.root, 'reset');
    return nx(ws.root, 'show', 'projects');
  },
  knip: (ws) => measure(ws.root, process.execPath, [join(repo, 'node_modules/knip/bin/knip.js'), '--no-progress', '--reporter=json']),
  'daemon-warm': (ws) => {
    withDaemon(() => quiet(ws.root, 'run-many', '-t', ws.target));
    return withDaemon(() => nx(ws.root, 'run-many', '-t', ws.target, '--output-style=static'));
  },
  'daemon-changed': (ws) => leafChangedWithDaemon(ws, 0),
  'daemon-changed-2s': (ws) => leafChangedWithDaemon(ws, 2000),
  'nx-warm': (ws) => STEPS.warm(ws.alone),
  'nx-daemon-warm': (ws) => STEPS['daemon-warm'](ws.alone),
  'nx-daemon-changed': (ws) => STEPS['daemon-changed'](ws.alone),
  'nx-daemon-changed-2s': (ws) => STEPS['daemon-changed-2s'](ws.alone),
};

/** The reference step of a step, Nx alone, when there is one among the steps run. */
const reference = (step) => (steps.includes(`nx-${step}`) ? `nx-${step}` : undefined);

/** With the daemon and the service up, one leaf file edited, then the audit run `pauseMs` later. */
function leafChangedWithDaemon(ws, pauseMs) {
  withDaemon(() => quiet(ws.root, 'run-many', '-t', ws.target));
  appendFileSync(join(ws.root, ws.leaf), `\nexport const edited${Date.now()} = 1;\n`);
  if (pauseMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs);
  return withDaemon(() => nx(ws.root, 'run-many', '-t', ws.target, '--output-style=static'));
}

/** Runs `run` with the Nx daemon on (and so the audit service); `nx reset` of the cold step stops the daemon. */
function withDaemon(run) {
  env.NX_DAEMON = 'true';
  try {
    return run();
  } finally {
    env.NX_DAEMON = 'false';
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const results = {};
for (const size of sizes) {
  const root = mkdtempSync(join(tmpdir(), `shipshape-scale-${size}-`));
  const layout = generateScaleWorkspace(root, { projects: size, repo });
  const ws = { root, target: 'audit', changed: layout.changed, leaf: layout.leaf };
  if (steps.some((step) => step.startsWith('nx-'))) {
    const alone = mkdtempSync(join(tmpdir(), `shipshape-scale-${size}-nx-alone-`));
    withoutShipshape(alone, generateScaleWorkspace(alone, { projects: size, repo }));
    ws.alone = { ...ws, root: alone, target: 'noop' };
  }
  console.error(`${size} projects (${layout.typescript} TypeScript, ${layout.python} Python) in ${root}`);
  // Without a cold step before them, the first round's warm steps would be cold: one run fills the caches.
  if (!steps.includes('cold')) for (const w of [ws, ws.alone].filter(Boolean)) quiet(w.root, 'run-many', '-t', w.target);
  const samples = Object.fromEntries(steps.map((s) => [s, []]));
  // Interleaved: every step once per round, so a slow minute of the machine hits every step alike.
  for (let round = 0; round < runs; round++) {
    for (const step of steps) {
      // An idle daemon of either workspace reacts to what a run without it writes (its file watcher): stopped.
      if (!step.includes('daemon-')) for (const w of [ws, ws.alone].filter(Boolean)) withDaemon(() => quiet(w.root, 'daemon', '--stop'));
      const sample = STEPS[step](ws);
      samples[step].push(sample);
      console.error(`  round ${round + 1} ${step}: ${sample.seconds.toFixed(1)} s, ${sample.cpu.toFixed(1)} CPU-s`);
    }
  }
  results[size] = Object.fromEntries(
    steps.map((step) => [
      step,
      Object.fromEntries(['seconds', 'cpu', 'memoryMb', 'processes'].map((k) => [k, median(samples[step].map((s) => s[k]))])),
    ]),
  );
  // The daemon steps leave the Nx daemon (and the audit service) running for these workspaces.
  for (const dir of [root, ws.alone?.root].filter(Boolean)) {
    if (steps.some((step) => step.includes('daemon-'))) {
      withDaemon(() => quiet(dir, 'daemon', '--stop'));
      spawnSync('pkill', ['-f', `audit-service-main\\.js .* ${dir}$`]);
    }
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
console.log(`| projects | step | seconds | CPU-s | peak MB | processes | × knip | × Nx alone |`);
console.log(`|---:|---|---:|---:|---:|---:|---:|---:|`);
for (const size of sizes) {
  const knip = results[size].knip?.seconds;
  for (const step of steps) {
    const r = results[size][step];
    const alone = reference(step) && results[size][reference(step)].seconds;
    console.log(
      `| ${size} | ${step} | ${fmt(r.seconds)} | ${fmt(r.cpu)} | ${fmt(r.memoryMb, 0)} | ${fmt(r.processes, 0)} | ${knip ? fmt(r.seconds / knip, 2) : '–'} | ${alone ? fmt(r.seconds / alone, 2) : '–'} |`,
    );
  }
}
if (sizes.length > 1) {
  const [small, large] = [sizes[0], sizes[sizes.length - 1]];
  console.log('');
  for (const step of steps) {
    const exponent = Math.log(results[large][step].seconds / results[small][step].seconds) / Math.log(large / small);
    console.log(`growth exponent of ${step} (${small} → ${large} projects): ${fmt(exponent, 2)}`);
  }
}
