import type { Tree } from '@nx/devkit';
import { changedSince, usePlantedTree, treeSnapshot } from '../../testing/fixture-workspace';
import { pruneGenerator } from './prune';

describe('prune generator', () => {
  let tree: Tree;
  usePlantedTree((created) => (tree = created));

  it('removes only what nothing uses, and standard-library requirements, keeping the rest byte for byte', async () => {
    const before = treeSnapshot(tree);
    const pkgBefore = tree.read('libs/app-ts/package.json', 'utf-8') ?? '';
    await pruneGenerator(tree, { project: '@fx/app-ts' });
    await pruneGenerator(tree, { project: 'fx-app-py' });
    expect(changedSince(tree, before)).toEqual(['libs/app-py/pyproject.toml', 'libs/app-ts/package.json']);
    expect(tree.read('libs/app-ts/package.json', 'utf-8')).toBe(pkgBefore.replace('    "unused-lib": "^1.0.0",\n', ''));
    const py = tree.read('libs/app-py/pyproject.toml', 'utf-8') ?? '';
    expect(py).not.toContain('"dataclasses"');
    expect(py).not.toContain('"six>=1.16"');
    expect(py).toContain('"pytest>=7",'); // misplaced, not unused: categorize moves it
    expect(py).toContain('dev = ["pytest-cov>=4"]'); // development groups are never pruned
  });

  it('is idempotent', async () => {
    await pruneGenerator(tree, { project: '@fx/app-ts' });
    const once = treeSnapshot(tree);
    await pruneGenerator(tree, { project: '@fx/app-ts' });
    expect(changedSince(tree, once)).toEqual([]);
  });
});
