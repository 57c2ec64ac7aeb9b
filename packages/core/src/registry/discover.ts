import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import type { OptionsSection } from '../config/options';
import type { Check, CheckPackage } from '../model/check';
import { ShipshapeError, errorMessage } from '../util/errors';

/**
 * The one way checks are found: a package declares `"shipshape": { "checks": "./dist/checks" }` in its
 * package.json, and that module exports `checks`. Installed `@shipshape/*` packages are found by looking in
 * the workspace's node_modules; other packages (or workspace folders) are named in the `packages` option.
 */
/** What a package says about itself in the `shipshape` field of its package.json. */
export interface ShipshapePackageInfo {
  name: string;
  /** Folder of the package. */
  dir: string;
  /** Module exporting `checks`, relative to `dir`. */
  checks?: string;
  /** The plan phase whose fixes the package's phase generator applies. */
  phase?: number;
  /** Name of that generator in the package's generators.json; default `phase`. */
  phaseGenerator?: string;
  /** Position among the packages of the same phase (lower first); default 100. */
  order?: number;
  /** Its section of the Shipshape options: the key (`deps`) to its JSON schema file, relative to `dir`. */
  options?: Record<string, string>;
}

export function discoverCheckPackages(workspaceRoot: string, extraPackages: readonly string[] = []): CheckPackage[] {
  return discoverShipshapePackages(workspaceRoot, extraPackages)
    .map((info) => loadCheckPackage(info))
    .filter((loaded): loaded is CheckPackage => loaded !== undefined);
}

/** Installed @shipshape/* packages and those named in the options, with their `shipshape` field, sorted by name. */
export function discoverShipshapePackages(workspaceRoot: string, extraPackages: readonly string[] = []): ShipshapePackageInfo[] {
  const manifests = new Map<string, string>();
  for (const path of installedShipshapeManifests(workspaceRoot)) manifests.set(readName(path), path);
  const resolveFrom = createRequire(join(workspaceRoot, 'package.json'));
  for (const spec of extraPackages) {
    const path = resolveManifest(resolveFrom, workspaceRoot, spec);
    manifests.set(readName(path), path);
  }
  return [...manifests]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, manifestPath]) => {
      const field =
        (JSON.parse(readFileSync(manifestPath, 'utf8')) as { shipshape?: Omit<ShipshapePackageInfo, 'name' | 'dir'> }).shipshape ?? {};
      return { ...field, name, dir: dirname(manifestPath) };
    });
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
    if (!existsSync(path))
      throw new ShipshapeError(`the check package "${spec}" named in the "packages" option has no package.json at ${path}`);
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

function loadCheckPackage(info: ShipshapePackageInfo): CheckPackage | undefined {
  if (!info.checks) return undefined;
  const modulePath = join(info.dir, info.checks);
  let loaded: { checks?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a check package is named at run time
    loaded = require(modulePath) as { checks?: unknown };
  } catch (error) {
    throw new ShipshapeError(
      `the checks of ${info.name} could not be loaded from ${modulePath}: ${errorMessage(error)}; is the package built?`,
    );
  }
  if (!Array.isArray(loaded.checks)) {
    throw new ShipshapeError(`${modulePath} must export "checks", an array of checks made with defineCheck`);
  }
  return { name: info.name, checks: loaded.checks as Check[] };
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

/** The options sections the installed phase packages declare, with their schemas (a broken one is named). */
export function discoverOptionSections(workspaceRoot: string, extraPackages: readonly string[] = []): OptionsSection[] {
  let packages: ShipshapePackageInfo[];
  try {
    packages = discoverShipshapePackages(workspaceRoot, extraPackages);
  } catch {
    return []; // the audit's own discovery reports a broken package
  }
  return packages.flatMap((info) =>
    Object.entries(info.options ?? {}).map(([key, file]) => {
      const path = join(info.dir, file);
      try {
        return { key, owner: info.name, schema: JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> };
      } catch (error) {
        throw new ShipshapeError(`the options schema of ${info.name} cannot be read: ${errorMessage(error)}`, path);
      }
    }),
  );
}
