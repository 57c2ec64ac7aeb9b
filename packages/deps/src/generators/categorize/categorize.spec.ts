import type { Tree } from '@nx/devkit';
import { changedSince, usePlantedTree, treeSnapshot } from '../../testing/fixture-workspace';
import { categorizeGenerator } from './categorize';

describe('categorize generator', () => {
  let tree: Tree;
  usePlantedTree((created) => (tree = created));

  const json = (path: string) => JSON.parse(tree.read(path, 'utf-8') ?? '{}');

  it('declares what library code and tests import, with the resolved versions, and moves misplaced dependencies', async () => {
    await categorizeGenerator(tree, { project: '@fx/app-ts', skipFormat: true });
    const pkg = json('libs/app-ts/package.json');
    expect(pkg.dependencies).toMatchObject({ '@fx/util': '^1.2.0', 'transitive-child': '^1.4.2', 'runtime-in-dev': '^1.2.0' });
    expect(pkg.devDependencies).toMatchObject({ '@jest/globals': '^29.7.0', 'dev-in-deps-lib': '^2.0.0', '@types/lodash': '^4.14.0' });
    expect(Object.keys(pkg.dependencies)).not.toEqual(expect.arrayContaining(['dev-in-deps-lib', '@types/lodash']));
    expect(Object.keys(pkg.devDependencies)).not.toContain('runtime-in-dev');
    // never removes, never invents a version
    expect(pkg.dependencies['unused-lib']).toBe('^1.0.0');
    expect(JSON.stringify(pkg)).not.toContain('side-effect-pkg');
  });

  it('declares Python distributions under their distribution names, and keeps comments', async () => {
    tree.write(
      'libs/app-py/pyproject.toml',
      (tree.read('libs/app-py/pyproject.toml', 'utf-8') ?? '').replace('"requests>=2.28",', '"requests>=2.28",  # HTTP'),
    );
    await categorizeGenerator(tree, { project: 'fx-app-py', skipFormat: true });
    const text = tree.read('libs/app-py/pyproject.toml', 'utf-8') ?? '';
    expect(text).toContain('"requests>=2.28",  # HTTP');
    expect(text).toContain('"PyYAML>=6.0.1"');
    expect(text).toContain('"fx-lib>=0.3.0"');
    expect(text).toContain('"urllib3>=2.1.0"');
    expect(text).toMatch(/\[dependency-groups\]\ndev = \["pytest-cov>=4", "pytest>=7"\]/);
    expect(text).not.toMatch(/^\s*"pytest>=7",$/m);
    expect(text).toContain('"dataclasses"'); // removal is prune's job
  });

  it('changes only the manifests, and nothing on a second run', async () => {
    const before = treeSnapshot(tree);
    await categorizeGenerator(tree, { project: '@fx/app-ts', skipFormat: true });
    await categorizeGenerator(tree, { project: 'fx-app-py', skipFormat: true });
    expect(changedSince(tree, before)).toEqual(['libs/app-py/pyproject.toml', 'libs/app-ts/package.json']);
    const once = treeSnapshot(tree);
    await categorizeGenerator(tree, { project: '@fx/app-ts', skipFormat: true });
    await categorizeGenerator(tree, { project: 'fx-app-py', skipFormat: true });
    expect(changedSince(tree, once)).toEqual([]);
  });

  it('leaves the clean projects as they are', async () => {
    const before = treeSnapshot(tree);
    await categorizeGenerator(tree, { project: '@fx/clean-ts', skipFormat: true });
    await categorizeGenerator(tree, { project: 'fx-clean-py', skipFormat: true });
    expect(changedSince(tree, before)).toEqual([]);
  });

  it('names the file of a malformed manifest and writes nothing', async () => {
    tree.write('libs/app-ts/package.json', '{ "name": "@fx/app-ts", ');
    await expect(categorizeGenerator(tree, { project: '@fx/app-ts' })).rejects.toThrow(/libs\/app-ts\/package\.json: .*1:25/);
    expect(tree.read('libs/app-ts/package.json', 'utf-8')).toBe('{ "name": "@fx/app-ts", ');
  });

  it('refuses an unknown project, listing the projects there are', async () => {
    await expect(categorizeGenerator(tree, { project: 'nope' })).rejects.toThrow(
      /there is no project "nope" in this workspace; projects: @fx\/app-ts, /,
    );
  });
});
