import type { Tree } from '@nx/devkit';
import { changedSince, usePlantedTree, treeSnapshot } from '../../testing/fixture-workspace';
import { versionRangesGenerator } from './version-ranges';

describe('version-ranges generator', () => {
  let tree: Tree;
  usePlantedTree((created) => (tree = created));

  it('rewrites *, exact, git and narrow peer ranges from the installed versions, touching nothing else', async () => {
    const before = tree.read('libs/app-ts/package.json', 'utf-8') ?? '';
    await versionRangesGenerator(tree, { project: '@fx/app-ts' });
    const expected = before
      .replace('"left-pad": "1.3.0"', '"left-pad": "^1.3.0"')
      .replace('"chalk": "*"', '"chalk": "^5.3.0"')
      .replace('"fx-polyfill": "git+https://example.com/fx-polyfill.git"', '"fx-polyfill": "^1.0.0"')
      .replace('"react": "18.2.0"', '"react": "^18.2.0"');
    expect(tree.read('libs/app-ts/package.json', 'utf-8')).toBe(expected);
  });

  it('unpins and uncaps Python requirements, keeping comments and markers, and leaves a lower bound to the user', async () => {
    const path = 'libs/app-py/pyproject.toml';
    tree.write(
      path,
      (tree.read(path, 'utf-8') ?? '')
        .replace('"Pillow",', '"Pillow; python_version >= \'3.9\'",  # images')
        .replace('"attrs>=22,<24",', '"attrs>=22,<24",  # capped for no reason'),
    );
    await versionRangesGenerator(tree, { project: 'fx-app-py' });
    const text = tree.read(path, 'utf-8') ?? '';
    // no floor from the version installed on this machine: only the user knows the oldest they support
    expect(text).toContain(`"Pillow; python_version >= '3.9'",  # images`);
    expect(text).toContain('"numpy>=1.26.0",');
    expect(text).toContain('"attrs>=22",  # capped for no reason');
    expect(text).toContain('"dataclasses",'); // a standard-library module: prune's to remove
  });

  it('keeps upper caps when the options allow them', async () => {
    tree.write(
      'libs/app-py/project.json',
      JSON.stringify({ name: 'fx-app-py', targets: { audit: { options: { deps: { pythonUpperBounds: true } } } } }),
    );
    await versionRangesGenerator(tree, { project: 'fx-app-py' });
    expect(tree.read('libs/app-py/pyproject.toml', 'utf-8')).toContain('"attrs>=22,<24",');
  });

  it('suggests the table floor for a well-known distribution that is not installed, and says to confirm it', async () => {
    tree.write('libs/lib-py/pyproject.toml', '[project]\nname = "fx-lib"\nversion = "0.3.0"\ndependencies = ["opencv-python"]\n');
    tree.write('libs/lib-py/src/lib_py/__init__.py', 'import cv2\n');
    await versionRangesGenerator(tree, { project: 'fx-lib' });
    expect(tree.read('libs/lib-py/pyproject.toml', 'utf-8')).toContain('dependencies = ["opencv-python>=4.8"]');
  });

  it('is idempotent', async () => {
    await versionRangesGenerator(tree, { project: '@fx/app-ts' });
    await versionRangesGenerator(tree, { project: 'fx-app-py' });
    const once = treeSnapshot(tree);
    await versionRangesGenerator(tree, { project: '@fx/app-ts' });
    await versionRangesGenerator(tree, { project: 'fx-app-py' });
    expect(changedSince(tree, once)).toEqual([]);
  });
});
