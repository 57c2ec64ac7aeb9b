#!/usr/bin/env node
// One setup for `npm test` and `npm run demo` on a fresh clone: installs the node modules when they are
// missing or stale, and the system tools the tests need (Debian packages, with apt when running as root);
// otherwise it stops with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Commands the test suites run, and the Debian package that provides each. */
const SYSTEM_TOOLS = [
  { command: 'python3', args: ['--version'], debian: 'python3' },
  { command: 'git', args: ['--version'], debian: 'git' },
  // the dashboard's browser test (playwright-core drives Debian's chromium; no browser is downloaded)
  { command: 'chromium', args: ['--version'], debian: 'chromium' },
  // @shipshape/api: API dumps (griffe) and the Python docs site (MkDocs + Material + mkdocstrings), with Debian's python3
  { command: '/usr/bin/python3', args: ['-c', 'import griffe'], debian: 'python3-griffe' },
  { command: 'mkdocs', args: ['--version'], debian: 'mkdocs' },
  {
    command: '/usr/bin/python3',
    args: ['-c', "from mkdocs.utils import get_theme_names; assert 'material' in get_theme_names()"],
    debian: 'mkdocs-material',
  },
  { command: '/usr/bin/python3', args: ['-c', 'import mkdocstrings'], debian: 'mkdocstrings' },
  { command: '/usr/bin/python3', args: ['-c', 'import mkdocstrings_handlers.python'], debian: 'mkdocstrings-python-handlers' },
  { command: '/usr/bin/python3', args: ['-c', 'import pytest'], debian: 'python3-pytest' },
];

function log(message) {
  console.log(`[setup] ${message}`);
}

function nodeModulesAreCurrent() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(marker) || !existsSync(lock)) return false;
  return statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
}

function installNodeModules() {
  if (nodeModulesAreCurrent()) return;
  const lock = existsSync(join(root, 'package-lock.json'));
  log(`installing node modules (npm ${lock ? 'ci' : 'install'})`);
  const result = spawnSync('npm', [lock ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[setup] npm install failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}

function has(tool) {
  return spawnSync(tool.command, tool.args, { stdio: 'ignore' }).status === 0;
}

function installSystemTools() {
  const missing = SYSTEM_TOOLS.filter((tool) => !has(tool));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((tool) => tool.debian))];
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(`[setup] missing: ${missing.map((t) => t.command).join(', ')}. Install them with:\n  sudo sh -c '${command}'`);
    process.exit(1);
  }
  log(`installing ${packages.join(' ')} with apt`);
  execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

installSystemTools();
installNodeModules();
