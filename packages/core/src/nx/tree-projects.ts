import { posix } from 'node:path';
import type { Tree } from '@nx/devkit';
import { parseToml } from '../manifest/toml';
import { ShipshapeError, errorMessage } from '../util/errors';

export interface TreeProject {
  name: string;
  /** Workspace-relative root. */
  root: string;
  tags: string[];
}

/**
 * The workspace's projects as a generator sees them: Nx's configured projects, plus Python projects that only
 * the Shipshape plugin infers from a pyproject.toml (named as the plugin names them: [project].name, else the folder).
 */
export function treeProjects(tree: Tree): TreeProject[] {
  const { getProjects, glob } = devkit();
  const byRoot = new Map<string, TreeProject>();
  let configured: ReturnType<typeof getProjects>;
  try {
    configured = getProjects(tree);
  } catch (error) {
    throw new ShipshapeError(errorMessage(error)); // Nx names the malformed project file
  }
  for (const [name, config] of configured) byRoot.set(config.root, { name, root: config.root, tags: config.tags ?? [] });
  for (const file of glob(tree, ['**/pyproject.toml'])) {
    const root = posix.dirname(file);
    if (root === '.' || byRoot.has(root) || file.includes('node_modules/')) continue;
    byRoot.set(root, { name: pythonProjectName(tree.read(file, 'utf-8') ?? '', root), root, tags: [] });
  }
  return [...byRoot.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The project named `name`, or one error listing the projects there are. */
export function findTreeProject(tree: Tree, name: string | undefined): TreeProject {
  const projects = treeProjects(tree);
  const known = projects.map((p) => p.name).join(', ') || 'none';
  if (!name) throw new ShipshapeError(`--project is required; projects: ${known}`);
  const found = projects.find((p) => p.name === name);
  if (!found) throw new ShipshapeError(`there is no project "${name}" in this workspace; projects: ${known}`);
  return found;
}

/** The name Nx knows a pyproject.toml-only project by: its distribution name, else its folder (a malformed file is the audit's to report). */
export function pythonProjectName(pyprojectText: string, root: string): string {
  try {
    const name = parseToml<{ project?: { name?: unknown } }>(pyprojectText, root).project?.name;
    if (typeof name === 'string' && name) return name;
  } catch {
    // a malformed pyproject.toml keeps the folder name; the metadata check reports the file
  }
  return posix.basename(root);
}

/**
 * @nx/devkit, loaded when a generator first needs it: it takes longer to load than the rest of core, and an
 * audit, which loads core too, never needs it.
 */
function devkit(): typeof import('@nx/devkit') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@nx/devkit') as typeof import('@nx/devkit');
}
