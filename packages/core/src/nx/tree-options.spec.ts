import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readTreeOptions } from './tree-options';

describe('readTreeOptions', () => {
  it('merges the pipeline plugin options with the project audit target options', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('nx.json', JSON.stringify({ plugins: [{ plugin: '@shipshape/pipeline', options: { targetName: 'audit', python: '/usr/bin/python3', deps: { rangeStyle: 'tilde' } } }] }));
    tree.write('libs/a/project.json', JSON.stringify({ name: 'a', targets: { audit: { options: { updateBaseline: true, deps: { pythonUpperBounds: true } } } } }));
    const options = readTreeOptions(tree, 'libs/a');
    expect(options.python).toBe('/usr/bin/python3');
    expect(options.deps).toEqual({ pythonUpperBounds: true });
    expect(readTreeOptions(tree, 'libs/b').deps).toEqual({ rangeStyle: 'tilde' });
  });

  it('gives the defaults without a plugin entry, and names the file of an invalid option', () => {
    const tree = createTreeWithEmptyWorkspace();
    expect(readTreeOptions(tree, 'libs/a').targetName).toBe('audit');
    tree.write('libs/a/package.json', JSON.stringify({ name: 'a', nx: { targets: { audit: { options: { deps: { rangestyle: 'x' } } } } } }));
    expect(() => readTreeOptions(tree, 'libs/a')).toThrow('invalid Shipshape options in libs/a/package.json (target "audit" options): "deps" has an unknown option "rangestyle"');
  });
});
