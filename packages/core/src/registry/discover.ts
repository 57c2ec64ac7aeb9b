import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import type { Check, CheckPackage } from '../model/check';
import { ShipshapeError, errorMessage } from '../util/errors';

/**
 * The one way checks are found: a package declares `"shipshape": { "checks": "./dist/checks" }` in its
 * package.json, and that module exports `checks`. Installed `@shipshape/*` packages are found by looking in
 * the workspace's node_modules; other packages (or workspace folders) are named in the `packages` option.
 */
export function discoverCheckPackages(workspaceRoot: string, extraPackages: readonly string[] = []): CheckPackage[] {
  const manifests = new Map<string, string>();
  for (const path of installedShipshapeManifests(workspaceRoot)) manifests.set(readName(path), path);
  const resolveFrom = createRequire(join(workspaceRoot, 'package.json'));
  for (const spec of extraPackages) {
    const path = resolveManifest(resolveFrom, workspaceRoot, spec);
    manifests.set(readName(path), path);
  }
  const packages: CheckPackage[] = [];
  for (const [name, manifestPath] of [...manifests].sort(([a], [b]) => a.localeCompare(b))) {
    const loaded = loadCheckPackage(name, manifestPath);
    if (loaded) packages.push(loaded);
  }
  return packages;
}

function installedShipshapeManifests(workspaceRoot: string): string[] {
  const scope = join(workspaceRoot, 'node_modules', '@shipshape');
  if (!existsSync(scope)) return [];
  return readdirSync(scope)
    .map((name) => join(scope, name, 'package.json'))
    .filter((path) => existsSync(path));
}

function resolveManifest(resolveFrom: NodeJS.Require, workspaceRoot: string, spec: string): string {
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const path = join(isAbsolute(spec) ? spec : join(workspaceRoot, spec), 'package.json');
    if (!existsSync(path)) throw new ShipshapeError(`the check package "${spec}" named in the "packages" option has no package.json at ${path}`);
    return path;
  }
  try {
    return resolveFrom.resolve(`${spec}/package.json`);
  } catch {
    throw new ShipshapeError(`the check package "${spec}" named in the "packages" option is not installed; run: npm install -D ${spec}`);
  }
}

function readName(manifestPath: string): string {
  try {
    return (JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string }).name ?? manifestPath;
  } catch (error) {
    throw new ShipshapeError(`invalid JSON: ${errorMessage(error)}`, manifestPath);
  }
}

function loadCheckPackage(name: string, manifestPath: string): CheckPackage | undefined {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { shipshape?: { checks?: string } };
  const entry = manifest.shipshape?.checks;
  if (!entry) return undefined;
  const modulePath = join(dirname(manifestPath), entry);
  let loaded: { checks?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(modulePath);
  } catch (error) {
    throw new ShipshapeError(`the checks of ${name} could not be loaded from ${modulePath}: ${errorMessage(error)}; is the package built?`);
  }
  if (!Array.isArray(loaded.checks)) {
    throw new ShipshapeError(`${modulePath} must export "checks", an array of checks made with defineCheck`);
  }
  return { name, checks: loaded.checks as Check[] };
}

/** All checks of the given packages; a check id declared twice is a packaging error. */
export function collectChecks(packages: readonly CheckPackage[]): Check[] {
  const byId = new Map<string, string>();
  const checks: Check[] = [];
  for (const pkg of packages) {
    for (const check of pkg.checks) {
      const owner = byId.get(check.id);
      if (owner) throw new ShipshapeError(`the check id "${check.id}" is declared by both ${owner} and ${pkg.name}`);
      byId.set(check.id, pkg.name);
      checks.push(check);
    }
  }
  return checks;
}
