import type { Tree } from '@nx/devkit';
import { changedSince, usePlantedTree, treeSnapshot } from '../../testing/fixture-workspace';
import { optionalGroupsGenerator } from './optional-groups';

describe('optional-groups generator', () => {
  let tree: Tree;
  usePlantedTree((created) => (tree = created));

  it('turns a dependency imported only in a try/catch into an optional peer, kept in devDependencies', async () => {
    await optionalGroupsGenerator(tree, { project: '@fx/app-ts' });
    const pkg = JSON.parse(tree.read('libs/app-ts/package.json', 'utf-8') ?? '{}');
    expect(pkg.dependencies['optional-feature']).toBeUndefined();
    expect(pkg.peerDependencies['optional-feature']).toBe('^3.0.0');
    expect(pkg.peerDependenciesMeta).toEqual({ 'optional-feature': { optional: true } });
    expect(pkg.devDependencies['optional-feature']).toBe('^3.0.0');
  });

  it('moves a Python requirement imported under try/except ImportError to an extra, creating the table', async () => {
    const path = 'libs/lib-py/pyproject.toml';
    tree.write(path, '[project]\nname = "fx-lib"\nversion = "0.3.0"\n# runtime\ndependencies = ["PyYAML>=6.0", "requests>=2.31"]\n');
    tree.write('libs/lib-py/src/lib_py/__init__.py', 'import requests\n\ntry:\n    import yaml\nexcept ImportError:\n    yaml = None\n');
    await optionalGroupsGenerator(tree, { project: 'fx-lib', extra: 'config', dependency: 'PyYAML' });
    expect(tree.read(path, 'utf-8')).toBe(
      '[project]\nname = "fx-lib"\nversion = "0.3.0"\n# runtime\ndependencies = ["requests>=2.31"]\n\n[project.optional-dependencies]\nconfig = ["PyYAML>=6.0"]\n',
    );
    const once = treeSnapshot(tree);
    await optionalGroupsGenerator(tree, { project: 'fx-lib', extra: 'config', dependency: 'PyYAML' });
    expect(changedSince(tree, once)).toEqual([]);
  });

  it('leaves a required dependency whose guarded imports only read its version (requests: charset_normalizer)', async () => {
    const path = 'libs/lib-py/pyproject.toml';
    tree.write(path, '[project]\nname = "fx-lib"\nversion = "0.3.0"\ndependencies = ["charset_normalizer>=2", "requests>=2.31"]\n');
    tree.write(
      'libs/lib-py/src/lib_py/__init__.py',
      'import requests\n\ntry:\n    from charset_normalizer import __version__ as charset_normalizer_version\nexcept ImportError:\n    charset_normalizer_version = None\n',
    );
    const before = tree.read(path, 'utf-8');
    await optionalGroupsGenerator(tree, { project: 'fx-lib' });
    expect(tree.read(path, 'utf-8')).toBe(before);
  });

  it('rejects an extra name pip would not accept, before reading anything', async () => {
    await expect(optionalGroupsGenerator(tree, { project: 'fx-lib', extra: 'not ok' })).rejects.toThrow(
      '--extra must be a valid extra name',
    );
  });
});
