#!/usr/bin/env node
// End-to-end runner: starts a local registry (tools/local-registry.mjs), publishes every package of
// packages/* as built from this commit, runs the jest suites of e2e/ against it, and stops the
// registry whatever happens. Builds nothing: run `npx nx run-many -t build` first.
//
//   node tools/e2e.mjs                      all suites
//   node tools/e2e.mjs -t 'cache'           extra arguments go to jest
//   KEEP_E2E=1 node tools/e2e.mjs           keep the registry storage and the test workspaces
//   E2E_VERBOSE=1 node tools/e2e.mjs        stream the output of every command the suites run
//   SHIPSHAPE_E2E_SOURCE=/path node tools/e2e.mjs   publish the (built) packages of another checkout
//
// Exits with jest's exit code (or 128+n on a signal, 1 on a harness error).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanEnv } from './e2e/env.mjs';
import { assertBuilt, publishAll, publishablePackages, workspaceRoot } from './e2e/publish.mjs';
import { startLocalRegistry } from './local-registry.mjs';

const keep = process.env.KEEP_E2E === '1';
const sourceRoot = process.env.SHIPSHAPE_E2E_SOURCE ? resolve(process.env.SHIPSHAPE_E2E_SOURCE) : workspaceRoot;
const jestArgs = process.argv.slice(2);
const timings = {};
const started = Date.now();
let registry;
let jest;
let e2eTmp;
let signalExit; // set once a signal asked to stop: the exit code to end with

function elapsed(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

async function cleanup() {
  if (registry) {
    const t = Date.now();
    await registry.stop();
    timings['registry stop'] = elapsed(t);
  }
  if (e2eTmp) {
    if (keep) console.log(`KEEP_E2E=1: test workspaces kept in ${e2eTmp}, registry storage in ${registry?.dir}`);
    else rmSync(e2eTmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/** Signals jest's process group: jest and every command it started (and did not detach). */
function signalJestGroup(signal) {
  if (!jest?.pid) return;
  try {
    process.kill(-jest.pid, signal);
  } catch {
    /* the group is empty */
  }
}

const jestRunning = () => jest && jest.exitCode === null && jest.signalCode === null;

function onSignal(signal, code) {
  if (signalExit !== undefined) {
    // Second signal: no more waiting.
    signalJestGroup('SIGKILL');
    registry?.stopSync();
    if (e2eTmp && !keep) rmSync(e2eTmp, { recursive: true, force: true });
    process.exit(code);
  }
  signalExit = code;
  console.error(`\n${signal}: stopping the e2e run`);
  if (jestRunning()) {
    // The main flow resumes when jest exits, and cleans up.
    signalJestGroup('SIGTERM');
    setTimeout(() => signalJestGroup('SIGKILL'), 5000).unref();
  }
}
process.on('SIGINT', () => onSignal('SIGINT', 130));
process.on('SIGTERM', () => onSignal('SIGTERM', 143));
process.on('SIGHUP', () => onSignal('SIGHUP', 129));
process.on('exit', () => {
  // Last resort when something above threw before cleanup: never leave jest's commands behind.
  if (jestRunning()) signalJestGroup('SIGKILL');
  if (e2eTmp && !keep) rmSync(e2eTmp, { recursive: true, force: true });
});

function stopIfSignalled() {
  if (signalExit !== undefined) throw new Error('stopped by a signal');
}

function runJest(env) {
  return new Promise((resolveRun, reject) => {
    jest = spawn(
      process.execPath,
      [
        join(workspaceRoot, 'node_modules', 'jest', 'bin', 'jest.js'),
        '--config',
        join(workspaceRoot, 'e2e', 'jest.config.js'),
        '--runInBand',
        ...jestArgs,
      ],
      { cwd: workspaceRoot, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true },
    );
    jest.once('error', reject);
    jest.once('exit', (code, signal) => {
      // Whatever jest's commands left behind in its group (a command killed by a test timeout
      // leaves its own children) goes with it.
      signalJestGroup('SIGKILL');
      resolveRun(code ?? (signal ? 1 : 0));
    });
  });
}

let exitCode;
try {
  // Fail before starting anything when a package is not built.
  for (const pkg of publishablePackages(sourceRoot)) assertBuilt(pkg);

  let t = Date.now();
  registry = await startLocalRegistry();
  timings['registry start'] = elapsed(t);
  console.log(`Local registry: ${registry.url} (verdaccio pid ${registry.pid}, ready in ${timings['registry start']})`);
  stopIfSignalled();

  t = Date.now();
  const published = publishAll(registry, { root: sourceRoot });
  timings.publish = `${elapsed(t)} (${published.length} packages)`;
  stopIfSignalled();

  e2eTmp = mkdtempSync(join(tmpdir(), 'shipshape-e2e-'));
  t = Date.now();
  exitCode = await runJest(
    cleanEnv({
      SHIPSHAPE_E2E_REGISTRY: registry.url,
      SHIPSHAPE_E2E_NPMRC: registry.npmrc,
      SHIPSHAPE_E2E_TMP: e2eTmp,
      SHIPSHAPE_E2E_PACKAGES: JSON.stringify(published.map((p) => ({ name: p.name, version: p.version }))),
      SHIPSHAPE_REPO_ROOT: workspaceRoot,
    }),
  );
  timings.jest = elapsed(t);
} catch (error) {
  if (signalExit === undefined) console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await cleanup();
}
timings.total = elapsed(started);
console.log(
  `e2e timings: ${Object.entries(timings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
process.exit(signalExit ?? exitCode);
