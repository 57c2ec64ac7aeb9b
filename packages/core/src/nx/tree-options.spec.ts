import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { treeSource } from '../file-system/file-source';
import type { OptionsSection } from '../config/options';
import { readProjectOptions } from './tree-options';

const deps: OptionsSection = {
  key: 'deps',
  owner: '@shipshape/deps',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: { rangeStyle: { enum: ['caret', 'tilde'] }, pythonUpperBounds: { type: 'boolean' } },
  },
};

describe('readProjectOptions', () => {
  it('merges the pipeline plugin options with the project audit target options, sections included', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write(
      'nx.json',
      JSON.stringify({
        plugins: [
          { plugin: '@shipshape/pipeline', options: { targetName: 'audit', python: '/usr/bin/python3', deps: { rangeStyle: 'tilde' } } },
        ],
      }),
    );
    tree.write(
      'libs/a/project.json',
      JSON.stringify({ name: 'a', targets: { audit: { options: { updateBaseline: true, deps: { pythonUpperBounds: true } } } } }),
    );
    const options = readProjectOptions(treeSource(tree), 'libs/a', [deps]);
    expect(options.python).toBe('/usr/bin/python3');
    expect(options.sections.deps).toEqual({ pythonUpperBounds: true });
    expect(readProjectOptions(treeSource(tree), 'libs/b', [deps]).sections.deps).toEqual({ rangeStyle: 'tilde' });
  });

  it('gives the defaults without a plugin entry, and names the file of an invalid option', () => {
    const tree = createTreeWithEmptyWorkspace();
    expect(readProjectOptions(treeSource(tree), 'libs/a').targetName).toBe('audit');
    tree.write(
      'libs/a/package.json',
      JSON.stringify({ name: 'a', nx: { targets: { audit: { options: { deps: { rangestyle: 'x' } } } } } }),
    );
    expect(() => readProjectOptions(treeSource(tree), 'libs/a', [deps])).toThrow(
      'invalid Shipshape options in libs/a/package.json (target "audit" options): "deps" has an unknown option "rangestyle" (did you mean "rangeStyle"?)',
    );
  });

  it('names a section no installed package declares', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('nx.json', JSON.stringify({ plugins: [{ plugin: '@shipshape/pipeline', options: { deps: {} } }] }));
    expect(() => readProjectOptions(treeSource(tree), 'libs/a')).toThrow(
      'invalid Shipshape options in nx.json (plugin "@shipshape/pipeline" options): unknown option "deps"',
    );
  });
});
