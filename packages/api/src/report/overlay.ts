import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Tree } from '@nx/devkit';

/**
 * The workspace as a generator's Tree has it, on disk, for tools that read files (tsc, api-extractor, griffe):
 * when the Tree holds changes under the project (an earlier step of the phase wrote types or release tags), a
 * temporary folder where the project's folder holds the Tree's files and everything else links to the real
 * workspace (node_modules, tsconfig.base.json). Undefined when the Tree has no change there: the disk is it.
 */
export function treeOverlay(tree: Tree, projectRoot: string): { root: string; remove(): void } | undefined {
  const prefix = `${projectRoot}/`;
  const changed = tree.listChanges().some((change) => change.path === projectRoot || change.path.startsWith(prefix));
  if (!changed) return undefined;
  const root = mkdtempSync(join(tmpdir(), 'shipshape-api-tree-'));
  try {
    // along the project's path, real folders whose other entries link to the workspace's
    const segments = projectRoot.split('/');
    for (let depth = 0; depth < segments.length; depth++) {
      const rel = segments.slice(0, depth).join('/');
      const real = join(tree.root, rel);
      mkdirSync(join(root, rel), { recursive: true });
      let names: string[] = [];
      try {
        names = readdirSync(real);
      } catch {
        names = [];
      }
      for (const name of names) if (name !== segments[depth]) symlinkSync(join(real, name), join(root, rel, name));
    }
    copyTree(tree, projectRoot, root);
    return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

function copyTree(tree: Tree, path: string, to: string): void {
  for (const name of tree.children(path)) {
    const child = `${path}/${name}`;
    if (name === 'node_modules') {
      const real = join(tree.root, child);
      try {
        if (lstatSync(real)) symlinkSync(real, join(to, child));
      } catch {
        // not on disk
      }
      continue;
    }
    if (tree.isFile(child)) {
      mkdirSync(dirname(join(to, child)), { recursive: true });
      writeFileSync(join(to, child), tree.read(child) ?? Buffer.alloc(0));
    } else copyTree(tree, child, to);
  }
}
