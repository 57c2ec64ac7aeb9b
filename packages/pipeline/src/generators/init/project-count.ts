import { glob, type Tree } from '@nx/devkit';

/**
 * The folders below the root that hold a project manifest (package.json, project.json, pyproject.toml): about the
 * projects Nx and the audit see.
 */
export function projectCount(tree: Tree): number {
  const roots = new Set<string>();
  for (const file of glob(tree, ['**/{package.json,project.json,pyproject.toml}'])) {
    const root = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
    if (root !== '.' && !root.split('/').includes('node_modules')) roots.add(root);
  }
  return roots.size;
}
