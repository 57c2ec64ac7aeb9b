import { readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { minimatch } from 'minimatch';
import packlist from 'npm-packlist';

type Manifest = Record<string, unknown>;

function readManifest(dir: string): Manifest | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

function workspacePatterns(manifest: Manifest): string[] {
  const workspaces = manifest.workspaces;
  const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
}

/**
 * The npm workspaces root that lists `pkgDir`, as npm finds it when run in that folder: the nearest folder above
 * the package whose package.json names it in `workspaces`. npm then reads the ignore files of the folders between.
 */
function npmWorkspaceRoot(pkgDir: string): string | undefined {
  for (let dir = dirname(pkgDir); ; dir = dirname(dir)) {
    const manifest = readManifest(dir);
    if (manifest) {
      const rel = relative(dir, pkgDir).split('\\').join('/');
      const listed = workspacePatterns(manifest).some((pattern) => minimatch(rel, pattern.replace(/^\.\//, '').replace(/\/$/, '')));
      if (listed) return dir;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The files `npm pack` would put in the package (paths relative to `pkgDir`), computed in this process by npm's
 * own file lister (npm-packlist) with the options npm passes it, instead of spawning `npm pack`. Undefined when
 * only npm itself can tell: bundled dependencies, whose files come from node_modules through npm's dependency tree.
 */
export async function packedFiles(pkgDir: string, manifest: Manifest): Promise<string[] | undefined> {
  const bundled = manifest.bundleDependencies ?? manifest.bundledDependencies;
  if (bundled === true || (Array.isArray(bundled) && bundled.length > 0)) return undefined;
  if ((manifest.directories as { bin?: unknown } | undefined)?.bin !== undefined) return undefined;
  const prefix = npmWorkspaceRoot(pkgDir);
  const tree = { path: pkgDir, package: { ...manifest, bin: binsOf(manifest) }, isProjectRoot: true, edgesOut: new Map<string, unknown>() };
  return packlist(tree, { path: pkgDir, ...(prefix ? { prefix, workspaces: [pkgDir] } : {}) });
}

/** `bin` as npm normalizes it before listing the files it requires: an object of names to paths, without `./`. */
function binsOf(manifest: Manifest): Record<string, string> | undefined {
  const { bin, name } = manifest;
  const entries: Array<[string, unknown]> =
    typeof bin === 'string'
      ? typeof name === 'string'
        ? [[name, bin]]
        : []
      : typeof bin === 'object' && bin !== null
        ? Object.entries(bin)
        : [];
  const bins = entries
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, path]) => [posix.basename(key), posix.join('/', path.split('\\').join('/')).slice(1)] as const)
    .filter(([, path]) => path !== '');
  return bins.length > 0 ? Object.fromEntries(bins) : undefined;
}
