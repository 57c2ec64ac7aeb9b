import { existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { tempWorkspace } from '../testing/temp-workspace';
import { treeView } from './file-view';

/** The part of an Nx Tree that reads the disk, as `nx g` gives it (following symbolic links). */
function diskTree(root: string): Tree {
  const abs = (path: string) => join(root, path);
  return {
    root,
    exists: (path: string) => existsSync(abs(path)),
    isFile: (path: string) => existsSync(abs(path)) && statSync(abs(path)).isFile(),
    children: (path: string) => {
      try {
        return readdirSync(abs(path));
      } catch {
        return [];
      }
    },
    read: (path: string, encoding?: BufferEncoding) => (encoding ? readFileSync(abs(path), encoding) : readFileSync(abs(path))),
  } as unknown as Tree;
}

describe('treeView', () => {
  it('lists a project through a folder that links back to its parent once, without looping', () => {
    const ws = tempWorkspace({ 'libs/a/pkg/__init__.py': '', 'libs/a/pkg/core.py': 'x = 1\n', 'libs/a/node_modules/dep/index.js': '' });
    try {
      symlinkSync('..', join(ws.root, 'libs/a/pkg/loop'), 'dir');
      expect(treeView(diskTree(ws.root), 'libs/a').files()).toEqual(['libs/a/pkg/__init__.py', 'libs/a/pkg/core.py']);
    } finally {
      ws.remove();
    }
  });
});
