import { existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { tempWorkspace } from '../testing/temp-workspace';
import { diskSource, treeSource } from './file-source';
import { listFiles } from './list-files';

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

describe('file sources', () => {
  it('list a project through a folder that links back to its parent once, without looping, on the disk and on a Tree', () => {
    const ws = tempWorkspace({ 'libs/a/pkg/__init__.py': '', 'libs/a/pkg/core.py': 'x = 1\n', 'libs/a/node_modules/dep/index.js': '' });
    try {
      symlinkSync('..', join(ws.root, 'libs/a/pkg/loop'), 'dir');
      for (const source of [diskSource(ws.root), treeSource(diskTree(ws.root))]) {
        const { files, skipped } = listFiles(source, 'libs/a', 1_000_000);
        expect(files.map((f) => f.file)).toEqual(['libs/a/pkg/__init__.py', 'libs/a/pkg/core.py']);
        expect(skipped).toEqual([{ file: 'libs/a/pkg/loop', message: expect.stringContaining('symbolic link loop') }]);
      }
    } finally {
      ws.remove();
    }
  });

  it('read what a generator has written but not flushed, on the Tree only', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('libs/a/package.json', '{"name":"a"}');
    const source = treeSource(tree);
    expect(source.read('libs/a/package.json')).toBe('{"name":"a"}');
    expect(source.isFile('libs/a/package.json')).toBe(true);
    expect(source.children('libs/a')).toEqual(['package.json']);
    expect(listFiles(source, 'libs/a', 100).files).toEqual([
      { file: 'libs/a/package.json', path: '/virtual/libs/a/package.json', size: 12 },
    ]);
    tree.delete('libs/a/package.json');
    expect(source.read('libs/a/package.json')).toBeUndefined();
  });
});
