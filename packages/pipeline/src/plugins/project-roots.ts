import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { matchesGlob, parseJson, type ResolvedOptions } from '@shipshape/core/plugin';

/** The package manager's workspace globs: package.json `workspaces` (npm, yarn, bun) and pnpm-workspace.yaml `packages`. */
export function workspaceGlobs(workspaceRoot: string): string[] {
  const read = (name: string) => {
    const path = join(workspaceRoot, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const globs: string[] = [];
  const manifest = read('package.json');
  if (manifest !== undefined) {
    try {
      const workspaces = parseJson<{ workspaces?: unknown }>(manifest, 'package.json').workspaces;
      const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
      if (Array.isArray(list)) globs.push(...list.filter((g): g is string => typeof g === 'string'));
    } catch {
      // a malformed root package.json is the root project's audit's to report
    }
  }
  const pnpm = read('pnpm-workspace.yaml');
  if (pnpm !== undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the YAML parser, loaded for a pnpm workspace only
      const { parseYaml } = require('@shipshape/core/plugin-manifests') as typeof import('@shipshape/core/plugin-manifests');
      const packages = parseYaml(pnpm, 'pnpm-workspace.yaml').toJS() as { packages?: unknown };
      if (Array.isArray(packages?.packages)) globs.push(...packages.packages.filter((g): g is string => typeof g === 'string'));
    } catch {
      // pnpm reports its own malformed file
    }
  }
  return globs.map((g) => g.replace(/^\.\//, '').replace(/\/$/, ''));
}

/** Is a folder one of the workspace's packages (matched by a glob and by no `!` glob)? */
export function isWorkspaceMember(root: string, globs: readonly string[]): boolean {
  const matches = (glob: string) => matchesGlob(root, glob) || matchesGlob(`${root}/`, glob);
  return globs.some((g) => !g.startsWith('!') && matches(g)) && !globs.some((g) => g.startsWith('!') && matches(g.slice(1)));
}

/** The workspace's manifest files by folder, those under node_modules left out. */
function manifestsByRoot(files: readonly string[]): Map<string, string[]> {
  const byRoot = new Map<string, string[]>();
  for (const file of files) {
    if (file.includes('node_modules/')) continue;
    const root = dirname(file);
    byRoot.set(root, [...(byRoot.get(root) ?? []), file]);
  }
  return byRoot;
}

/** Does Nx already make a project of the folder: a project.json, or a package.json the workspaces list? */
function isKnownProject(root: string, manifests: readonly string[], globs: readonly string[]): boolean {
  const has = (name: string) => manifests.some((m) => m.endsWith(name));
  return has('project.json') || (has('package.json') && isWorkspaceMember(root, globs));
}

/**
 * The package.json and project.json files of the folders Nx makes projects of (see isKnownProject), the workspace
 * root left out. `globs`: the package manager's workspace globs (workspaceGlobs).
 */
export function projectManifests(files: readonly string[], globs: readonly string[]): string[] {
  return [...manifestsByRoot(files)].flatMap(([root, manifests]) =>
    root !== '.' && isKnownProject(root, manifests, globs) ? manifests.filter((m) => /(^|\/)(package|project)\.json$/.test(m)) : [],
  );
}

/**
 * The manifests of the folders that get an audit target, one per folder: projects the workspace already has
 * (see isKnownProject) and Python projects (pyproject.toml, which no other plugin may claim), plus
 * `projects.include`, minus `projects.exclude` (fixtures and examples by default). A package.json that is only test
 * data never becomes a project. `globs`: the package manager's workspace globs (workspaceGlobs).
 */
export function auditedManifests(files: readonly string[], options: ResolvedOptions, globs: readonly string[]): string[] {
  const chosen: string[] = [];
  for (const [root, manifests] of manifestsByRoot(files)) {
    const has = (name: string) => manifests.some((m) => m.endsWith(name));
    if (root === '.') {
      if (has('package.json')) chosen.push('package.json');
      continue;
    }
    const included = options.projects.include.some((g) => matchesGlob(root, g));
    if (!included && options.projects.exclude.some((g) => matchesGlob(root, g) || matchesGlob(`${root}/`, g))) continue;
    if (isKnownProject(root, manifests, globs) || included || has('pyproject.toml'))
      chosen.push(manifests.find((m) => m.endsWith('package.json')) ?? manifests.find((m) => m.endsWith('project.json')) ?? manifests[0]);
  }
  return chosen.sort();
}
