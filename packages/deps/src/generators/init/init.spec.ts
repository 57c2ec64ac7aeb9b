import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { initGenerator } from './init';

describe('deps init generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });
  const plugins = () => JSON.parse(tree.read('nx.json', 'utf-8') ?? '{}').plugins;

  it('registers the plugin once, after the ones already there', async () => {
    tree.write('nx.json', JSON.stringify({ plugins: ['@nx/js/typescript'] }));
    await initGenerator(tree, {});
    await initGenerator(tree, {});
    expect(plugins()).toEqual(['@nx/js/typescript', { plugin: '@shipshape/deps' }]);
  });

  it("leaves the plugin to the pipeline's, which runs it, when that one is registered", async () => {
    const pipeline = { plugin: '@shipshape/pipeline', options: { targetName: 'audit' } };
    tree.write('nx.json', JSON.stringify({ plugins: [pipeline] }));
    await initGenerator(tree, {});
    expect(plugins()).toEqual([pipeline]);
  });

  it('names nx.json when it is malformed, and writes nothing', async () => {
    tree.write('nx.json', '{ "plugins": [ }');
    await expect(initGenerator(tree, {})).rejects.toThrow(/^nx\.json: invalid JSON at line 1/);
    expect(tree.read('nx.json', 'utf-8')).toBe('{ "plugins": [ }');
  });
});
