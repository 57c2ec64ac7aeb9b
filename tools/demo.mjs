#!/usr/bin/env node
// `npm run demo`: builds the packages, copies examples/ to a temporary workspace (the committed one is
// never touched), sets Shipshape up there as a user would (`nx g @shipshape/pipeline:init`), runs the
// audit of every project and prints the report; then enrolls the projects in a ten-week plan starting
// today, prints the plan status, applies phase 1 (`nx g @shipshape/pipeline:phase --phase=1`) and prints
// the status again, with phase 1's items moving to done.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

function run(command, args, cwd, { allowFailure = false } = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env });
  if (result.status !== 0 && !allowFailure) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
  return result.status;
}

run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], root);

/**
 * Gives the copy a node_modules as an install would: the built @shipshape packages copied in (as npm
 * would unpack them), everything else linked to this repository's node_modules.
 */
function installPackages(target) {
  const modules = join(target, 'node_modules');
  mkdirSync(join(modules, '@shipshape'), { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== '@shipshape' && name !== '.bin') symlinkSync(join(root, 'node_modules', name), join(modules, name), 'dir');
  }
  symlinkSync(join(root, 'node_modules', '.bin'), join(modules, '.bin'), 'dir');
  for (const name of readdirSync(join(root, 'packages'))) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
    const dest = join(modules, manifest.name);
    for (const file of ['package.json', 'generators.json', 'executors.json', 'dist']) {
      cpSync(join(root, 'packages', name, file), join(dest, file), { recursive: true });
    }
  }
}

const workspace = mkdtempSync(join(tmpdir(), 'shipshape-demo-'));
cpSync(join(root, 'examples'), workspace, { recursive: true });
installPackages(workspace);
console.log(`\nDemo workspace (a copy of examples/): ${workspace}`);

run('npx', ['nx', 'g', '@shipshape/pipeline:init', '--no-interactive'], workspace);
const status = run('npx', ['nx', 'run-many', '-t', 'audit', '--output-style=stream'], workspace, { allowFailure: true });

const projects = JSON.parse(
  spawnSync('npx', ['nx', 'show', 'projects', '--with-target=audit', '--json'], { cwd: workspace, env, encoding: 'utf8' }).stdout,
);
const reports = [];
const folders = [];
for (const name of projects.sort()) {
  const config = JSON.parse(spawnSync('npx', ['nx', 'show', 'project', name, '--json'], { cwd: workspace, env, encoding: 'utf8' }).stdout);
  const dir = join(workspace, 'reports/shipshape', config.root);
  reports.push(JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8')));
  folders.push(`  ${name.padEnd(16)} ${dir}/audit.{json,sarif,md}`);
}
const { renderTerminal } = createRequire(import.meta.url)(join(root, 'packages/core'));
const summary = renderTerminal(reports, { color: process.stdout.isTTY === true });
console.log(`\n${summary.slice(summary.lastIndexOf('Summary'))}`);
console.log(`Reports:\n${folders.join('\n')}`);
console.log(`\nThe audit ${status === 0 ? 'passed its gate (new findings below failOn)' : 'FAILED its gate'}.`);

const rootProject = JSON.parse(readFileSync(join(workspace, 'package.json'), 'utf8')).name;
const today = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
run('npx', ['nx', 'g', '@shipshape/pipeline:plan', `--start=${today}`, `--projects=${projects.join(',')}`, '--no-interactive'], workspace);
run('npx', ['nx', 'run', `${rootProject}:status`, '--output-style=static'], workspace);
const before = readStatus();

run('npx', ['nx', 'g', '@shipshape/pipeline:phase', '--phase=1', '--no-interactive'], workspace);
run('npx', ['nx', 'run', `${rootProject}:status`, '--output-style=static'], workspace);
const after = readStatus();

console.log('\nPhase 1 items done, before -> after `nx g @shipshape/pipeline:phase --phase=1`:');
for (const project of after.projects) {
  const phase1 = (status) => status.projects.find((p) => p.name === project.name).items.filter((i) => i.phase === 1);
  const done = (items) => items.filter((i) => i.state === 'done').length;
  const findings = (items) => items.reduce((sum, i) => sum + i.findings, 0);
  const [b, a] = [phase1(before), phase1(after)];
  console.log(`  ${project.name.padEnd(12)} done ${done(b)} -> ${done(a)} of ${a.length}; findings ${findings(b)} -> ${findings(a)}`);
}
console.log(`\nDashboard: ${join(workspace, 'reports/shipshape/dashboard.html')}`);

function readStatus() {
  return JSON.parse(readFileSync(join(workspace, 'reports/shipshape/status.json'), 'utf8'));
}
