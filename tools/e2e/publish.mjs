// Publishes the workspace's packages (packages/*, as built from this commit) to a local registry,
// dependencies first. Builds nothing: a package whose entry point is not built is an error.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './env.mjs';

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The publishable packages under packages/, in an order where every package follows its @shipshape deps. */
export function publishablePackages(root = workspaceRoot) {
  const packagesDir = join(root, 'packages');
  const packages = new Map();
  for (const name of readdirSync(packagesDir).sort()) {
    const manifestPath = join(packagesDir, name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private) continue;
    packages.set(manifest.name, { name: manifest.name, version: manifest.version, dir: join(packagesDir, name), manifest });
  }
  const ordered = [];
  const state = new Map(); // name -> 'visiting' | 'done'
  const visit = (pkg, trail) => {
    if (state.get(pkg.name) === 'done') return;
    if (state.get(pkg.name) === 'visiting') throw new Error(`dependency cycle: ${[...trail, pkg.name].join(' -> ')}`);
    state.set(pkg.name, 'visiting');
    const deps = { ...pkg.manifest.peerDependencies, ...pkg.manifest.optionalDependencies, ...pkg.manifest.dependencies };
    for (const dep of Object.keys(deps).sort()) {
      if (packages.has(dep)) visit(packages.get(dep), [...trail, pkg.name]);
    }
    state.set(pkg.name, 'done');
    ordered.push(pkg);
  };
  // core first whatever its dependencies say, then the rest alphabetically (subject to deps).
  const names = [...packages.keys()].sort((a, b) => (a === '@shipshape/core' ? -1 : b === '@shipshape/core' ? 1 : a.localeCompare(b)));
  for (const name of names) visit(packages.get(name), []);
  return ordered;
}

/** Throws when a package's main / types entry is missing (i.e. it was not built). */
export function assertBuilt(pkg) {
  const missing = [pkg.manifest.main, pkg.manifest.types].filter(Boolean).filter((entry) => !existsSync(join(pkg.dir, entry)));
  if (missing.length > 0) {
    throw new Error(
      `${pkg.name} is not built (missing ${missing.join(', ')} in ${pkg.dir}). ` +
        'Run `npx nx run-many -t build` first: the e2e runner builds nothing.',
    );
  }
}

/** Newest modification time of the files under a folder (0 when it does not exist). */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** A warning when the sources look newer than the build (a hint only; nothing depends on it). */
export function staleBuildWarning(pkg) {
  const entry = pkg.manifest.main ? join(pkg.dir, pkg.manifest.main) : undefined;
  if (!entry || !existsSync(entry)) return undefined;
  if (newestMtime(join(pkg.dir, 'src')) > statSync(entry).mtimeMs) {
    return `warning: ${pkg.name}: src/ changed after ${pkg.manifest.main} was built; run \`npx nx run-many -t build\` to test the current code.`;
  }
  return undefined;
}

/**
 * `npm publish <dir>` to the registry, with its npmrc as userconfig (registry + dummy token).
 * @param {{url: string, npmrc: string}} registry
 * @param {{dir: string, name: string, version: string}} pkg
 */
export function publishPackage(registry, pkg, { log = console.log } = {}) {
  const result = spawnSync(
    'npm',
    [
      'publish',
      pkg.dir,
      '--registry',
      `${registry.url}/`,
      '--userconfig',
      registry.npmrc,
      '--tag',
      'latest',
      '--access',
      'public',
      '--ignore-scripts',
      '--provenance=false',
    ],
    { cwd: pkg.dir, encoding: 'utf8', env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0) {
    throw new Error(
      `npm publish ${pkg.name}@${pkg.version} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  log(`  published ${pkg.name}@${pkg.version}`);
}

/** Publishes every publishable package (dependencies first) and returns them. */
export function publishAll(registry, { root = workspaceRoot, log = console.log } = {}) {
  const packages = publishablePackages(root);
  if (packages.length === 0) throw new Error(`no publishable package under ${join(root, 'packages')}`);
  for (const pkg of packages) assertBuilt(pkg);
  for (const pkg of packages) {
    const warning = staleBuildWarning(pkg);
    if (warning) log(warning);
  }
  for (const pkg of packages) publishPackage(registry, pkg, { log });
  return packages;
}
