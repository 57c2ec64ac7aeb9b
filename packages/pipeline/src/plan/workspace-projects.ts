import { dirname } from 'node:path';
import { getProjects, glob, type Tree } from '@nx/devkit';
import { pythonProjectName } from '../utils/python-project-name';

export interface KnownProject {
  name: string;
  root: string;
  tags: string[];
}

/**
 * The workspace's projects as a generator sees them: Nx's configured projects, plus Python projects that
 * only the Shipshape plugin infers from a pyproject.toml.
 */
export function workspaceProjects(tree: Tree): KnownProject[] {
  const known = new Map<string, KnownProject>();
  for (const [name, config] of getProjects(tree)) known.set(config.root, { name, root: config.root, tags: config.tags ?? [] });
  for (const file of glob(tree, ['**/pyproject.toml'])) {
    const root = dirname(file);
    if (root === '.' || known.has(root)) continue;
    known.set(root, { name: pythonProjectName(tree.read(file, 'utf-8') ?? '', root), root, tags: [] });
  }
  return [...known.values()].sort((a, b) => a.name.localeCompare(b.name));
}
