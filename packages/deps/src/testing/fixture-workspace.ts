import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { ShipshapeOptions, ShipshapeProject } from '@shipshape/core';
import { diskProject } from '@shipshape/core/testing';
import { DEPS_OPTIONS } from '../options';

/** The workspace the deps checks and generators are tested on, with its planted issues (planted.json). */
export const PLANTED_FIXTURE = join(__dirname, '../checks/__fixtures__/workspace');

interface InstalledFixture {
  packages: Record<string, { version?: string; link?: string; dependencies?: Record<string, string>; bin?: Record<string, string> }>;
  python?: Record<string, { version: string; modules: string[]; requires?: string[] }>;
}

export interface FixtureWorkspace {
  root: string;
  /** The virtual environment's interpreter, with the fixture's distributions "installed". */
  python: string;
  project(root: string, options?: ShipshapeOptions): ShipshapeProject;
  remove(): void;
}

/**
 * A copy of the planted fixture in a temporary folder, with what its `installed.json` describes installed:
 * npm packages in node_modules (workspace packages as links, binaries in node_modules/.bin) and Python
 * distributions in a virtual environment (metadata only: nothing is importable) that nx.json names.
 */
export function plantedWorkspace(): FixtureWorkspace {
  const fixture = PLANTED_FIXTURE;
  const root = mkdtempSync(join(tmpdir(), 'shipshape-deps-'));
  cpSync(fixture, root, { recursive: true });
  const installed = JSON.parse(readFileSync(join(fixture, 'installed.json'), 'utf8')) as InstalledFixture;
  installNpm(root, installed.packages);
  const python = installPython(root, installed.python ?? {});
  writeFileSync(join(root, 'nx.json'), nxJson(python));
  return {
    root,
    python,
    project: (projectRoot, options = {}) =>
      diskProject(root, projectRoot, { name: projectRoot.split('/').pop()!, options: { python, ...options }, sections: [DEPS_OPTIONS] }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

function installNpm(root: string, packages: InstalledFixture['packages']) {
  const modules = join(root, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  for (const [name, fields] of Object.entries(packages).filter(([key]) => !key.startsWith('$'))) {
    const dir = join(modules, name);
    mkdirSync(dirname(dir), { recursive: true });
    if (fields.link) {
      symlinkSync(join(root, fields.link), dir, 'dir');
      continue;
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, ...fields }, null, 2));
    writeFileSync(join(dir, 'index.js'), 'module.exports = {};\n');
    for (const [bin, file] of Object.entries(fields.bin ?? {})) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), '#!/usr/bin/env node\n');
      symlinkSync(join('..', name, file), join(modules, '.bin', bin));
    }
  }
}

/** A virtual environment under `root` with the given distributions "installed" (metadata only); returns its interpreter. */
export function installPython(root: string, distributions: NonNullable<InstalledFixture['python']>): string {
  const venv = join(root, '.venv');
  const created = spawnSync('python3', ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`cannot create a virtual environment: ${created.stderr}`);
  const python = join(venv, 'bin', 'python');
  const site = spawnSync(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).stdout.trim();
  for (const [name, { version, modules, requires = [] }] of Object.entries(distributions).filter(([key]) => !key.startsWith('$'))) {
    const info = join(site, `${name.replace(/-/g, '_')}-${version}.dist-info`);
    mkdirSync(info, { recursive: true });
    const requirements = requires.map((r) => `Requires-Dist: ${r}\n`).join('');
    writeFileSync(join(info, 'METADATA'), `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n${requirements}`);
    writeFileSync(join(info, 'top_level.txt'), `${modules.join('\n')}\n`);
  }
  return python;
}

/**
 * The planted fixture as an Nx Tree (`createTreeWithEmptyWorkspace` plus the fixture's files and its installed npm
 * packages' package.json files), with the Python distributions in a virtual environment on disk that
 * nx.json's plugin options name as the interpreter. `remove()` deletes the environment.
 */
export function plantedTree(): { tree: Tree; python: string; remove(): void } {
  const tree = createTreeWithEmptyWorkspace();
  const installed = writePlantedFixture(tree);
  const venvRoot = mkdtempSync(join(tmpdir(), 'shipshape-deps-venv-'));
  const python = installPython(venvRoot, installed.python ?? {});
  tree.write('nx.json', nxJson(python));
  return { tree, python, remove: () => rmSync(venvRoot, { recursive: true, force: true }) };
}

/**
 * Writes the planted fixture's files into the Tree, with its installed npm packages as node_modules/<name>/package.json
 * (the fixture's own bookkeeping, installed.json and planted.json, left out); returns what installed.json describes.
 */
export function writePlantedFixture(tree: Tree): InstalledFixture {
  const copy = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) copy(path, `${prefix}${name}/`);
      else if (name !== 'installed.json' && name !== 'planted.json') tree.write(`${prefix}${name}`, readFileSync(path));
    }
  };
  copy(PLANTED_FIXTURE, '');
  const installed = JSON.parse(readFileSync(join(PLANTED_FIXTURE, 'installed.json'), 'utf8')) as InstalledFixture;
  for (const [name, fields] of Object.entries(installed.packages).filter(([key, value]) => !key.startsWith('$') && !value.link)) {
    tree.write(`node_modules/${name}/package.json`, JSON.stringify({ name, ...fields }));
  }
  return installed;
}

/** nx.json naming the fixture's interpreter in the pipeline plugin's options, where generators read it. */
function nxJson(python: string): string {
  return JSON.stringify({ plugins: [{ plugin: '@shipshape/pipeline', options: { targetName: 'audit', python } }] }, null, 2);
}

/** Every file of the Tree with its content, to tell later which ones a generator changed. */
export function treeSnapshot(tree: Tree): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of tree.children(dir)) {
      const path = dir ? `${dir}/${name}` : name;
      if (tree.isFile(path)) files.set(path, tree.read(path, 'utf-8') ?? '');
      else walk(path);
    }
  };
  walk('');
  return files;
}

/** The files whose content differs from the snapshot (added, changed or deleted), sorted. */
export function changedSince(tree: Tree, before: Map<string, string>): string[] {
  const after = treeSnapshot(tree);
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}

/** Gives each test of the calling `describe` a fresh Tree of the planted fixture, handed to `use`, and removes its environment after the test. */
export function usePlantedTree(use: (tree: Tree) => void): void {
  let current: ReturnType<typeof plantedTree> | undefined;
  beforeEach(() => {
    current = plantedTree();
    use(current.tree);
  });
  afterEach(() => current?.remove());
}

/** An empty Nx Tree whose root package.json makes libs/* npm workspaces, as a small monorepo has it. */
export function npmWorkspaceTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('package.json', JSON.stringify({ name: '@acme/source', private: true, workspaces: ['libs/*'] }));
  return tree;
}
