#!/usr/bin/env node
// What Shipshape's Nx plugin costs its worker per graph computation. Nx 23 starts a fresh plugin worker for every
// graph computation (every `nx` command with the daemon off, every file change with the daemon on), so each one
// pays for loading the plugin as well as for createNodes and createDependencies. Each run is a fresh node process
// that first loads what Nx's plugin worker has loaded before it loads a plugin (nx's devkit exports and plugin
// utilities), then times, in wall and CPU milliseconds (process.cpuUsage, user + system):
//   - require: the plugin entry as Nx resolves it (the package's `.` export, `@shipshape/pipeline` by default);
//   - createNodes: over the files of the workspace its glob matches, with its options from nx.json;
//   - createDependencies: with the projects, external nodes and file map of Nx's last graph of the workspace
//     (.nx/workspace-data; computed first with `nx show projects` when missing), every file to process.
// Prints the median of the runs (and the @shipshape modules the worker loaded, with --modules).
//
//   node tools/bench/plugin-worker.mjs /tmp/wsP [--runs=7] [--plugin=@shipshape/pipeline] [--modules] [--json] [--prof=DIR]
//
// Run by hand (not part of npm test), with a workspace made by tools/bench/scale-workspace.mjs, e.g.
//   node -e "import('./tools/bench/scale-workspace.mjs').then(m=>m.generateScaleWorkspace('/tmp/wsP',{projects:100,repo:process.cwd()}))"
//   cd /tmp/wsP && git init -q && git add -A && git commit -qm init
// Its node_modules/@shipshape/* are copies of each package's dist: copy a rebuilt dist there before measuring.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true' };
const args = process.argv.slice(2);
const flag = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

if (args[0] === '--child') await child(args[1]);
else await parent();

async function parent() {
  const workspace = resolve(args.find((a) => !a.startsWith('--')) ?? '/tmp/wsP');
  const runs = Number(flag('runs', 7));
  const plugin = flag('plugin', '@shipshape/pipeline');
  const data = join(workspace, '.nx', 'workspace-data');
  if (!existsSync(join(data, 'project-graph.json')) || !existsSync(join(data, 'file-map.json')))
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: workspace, env: ENV, stdio: 'ignore' });
  const require = createRequire(join(workspace, 'package.json'));
  const nxJson = JSON.parse(readFileSync(join(workspace, 'nx.json'), 'utf8'));
  const entry = nxJson.plugins?.find((p) => (typeof p === 'string' ? p : p.plugin) === plugin);
  const options = typeof entry === 'object' ? entry.options : undefined;
  // The files Nx would send the worker: those of the workspace (git-ignored ones left out) the plugin's glob matches.
  const pattern = require(require.resolve(plugin)).createNodes?.[0];
  const { globWithWorkspaceContext } = require('nx/src/utils/workspace-context');
  const files = pattern ? await globWithWorkspaceContext(workspace, [pattern]) : [];
  const scratch = mkdtempSync(join(tmpdir(), 'plugin-worker-'));
  const input = join(scratch, 'input.json');
  writeFileSync(input, JSON.stringify({ workspace, plugin, options, files }));
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const profile = flag('prof', undefined); // a folder for each run's .cpuprofile (node --cpu-prof), to open in DevTools
      const node = profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profile)}`, '--cpu-prof-interval=100'] : [];
      const run = spawnSync(process.execPath, [...node, fileURLToPath(import.meta.url), '--child', input], {
        cwd: workspace,
        env: ENV,
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`run ${i + 1} failed:\n${run.stderr}`);
      results.push(JSON.parse(run.stdout.trim().split('\n').at(-1)));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const phases = ['require', 'createNodes', 'createDependencies', 'total'];
  const summary = Object.fromEntries(
    phases.map((phase) => [phase, { wall: median(results.map((r) => r[phase].wall)), cpu: median(results.map((r) => r[phase].cpu)) }]),
  );
  if (args.includes('--json')) {
    console.log(JSON.stringify({ workspace, plugin, runs, files: files.length, summary, results }, null, 2));
    return;
  }
  console.log(`${plugin} in ${workspace}: ${files.length} files matched, ${runs} fresh processes, median ms`);
  console.log('| phase | wall ms | CPU ms |');
  console.log('|---|---:|---:|');
  for (const phase of phases) console.log(`| ${phase} | ${summary[phase].wall.toFixed(0)} | ${summary[phase].cpu.toFixed(0)} |`);
  const last = results.at(-1);
  console.log(`nodes: ${last.projects} projects; dependencies: ${last.dependencies}; modules loaded by the plugin: ${last.modules.length}`);
  if (args.includes('--modules')) for (const m of last.modules) console.log(`  ${m}`);
}

async function child(inputFile) {
  const { workspace, plugin, options, files } = JSON.parse(readFileSync(inputFile, 'utf8'));
  process.chdir(workspace);
  const require = createRequire(join(workspace, 'package.json'));
  // What the plugin worker has loaded before it loads a plugin.
  require('nx/src/devkit-exports');
  require('nx/src/project-graph/plugins/utils');
  const nxJsonConfiguration = JSON.parse(readFileSync(join(workspace, 'nx.json'), 'utf8'));
  const data = join(workspace, '.nx', 'workspace-data');
  const graph = JSON.parse(readFileSync(join(data, 'project-graph.json'), 'utf8'));
  const { fileMap } = JSON.parse(readFileSync(join(data, 'file-map.json'), 'utf8'));
  const before = new Set(Object.keys(require.cache));
  const time = async (work) => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const value = await work();
    const used = process.cpuUsage(cpu);
    return { value, wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
  };
  const loaded = await time(() => require(require.resolve(plugin)));
  const module = { ...loaded.value }; // as Nx's loader takes it
  const nodes = await time(() =>
    module.createNodes[1](files, options, { nxJsonConfiguration, workspaceRoot: workspace, configFiles: files }),
  );
  const projects = Object.fromEntries(Object.entries(graph.nodes).map(([name, node]) => [name, node.data]));
  const context = {
    externalNodes: graph.externalNodes,
    projects,
    nxJsonConfiguration,
    fileMap,
    filesToProcess: fileMap,
    workspaceRoot: workspace,
  };
  const dependencies = await time(async () => (module.createDependencies ? module.createDependencies(options, context) : []));
  const phase = (t) => ({ wall: t.wall, cpu: t.cpu });
  const total = { wall: loaded.wall + nodes.wall + dependencies.wall, cpu: loaded.cpu + nodes.cpu + dependencies.cpu };
  const modules = Object.keys(require.cache)
    .filter((m) => !before.has(m) && m.includes('@shipshape'))
    .map((m) => m.slice(m.indexOf('@shipshape')));
  console.log(
    JSON.stringify({
      require: phase(loaded),
      createNodes: phase(nodes),
      createDependencies: phase(dependencies),
      total,
      projects: nodes.value.reduce((n, [, result]) => n + Object.keys(result.projects ?? {}).length, 0),
      dependencies: dependencies.value.length,
      modules,
    }),
  );
}
