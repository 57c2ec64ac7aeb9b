import { join } from 'node:path';
import { addProjectConfiguration, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { diskProject } from '@shipshape/core/testing';
import { NX_ESLINT_CONFIG } from '../../__fixtures__/eslint-config';
import { EXAMPLES_GRAPH, EXAMPLES_ROOT } from '../../__fixtures__/examples';
import { addFixture, expectIdempotent, generatorLogs, withFilesOnDisk } from '../../__fixtures__/tree';
import moduleBoundaryRules from '../../checks/module-boundary-rules';
import { findBoundaryRule } from '../../eslint/boundary-rule';
import { boundariesGenerator } from './boundaries';

jest.mock('./dependency-tags', () => ({
  ...jest.requireActual('./dependency-tags'),
  // What Nx's graph of examples/ says: invoices depends on money (tagged type:util).
  dependencyTags: (project: string) => ({ tags: project === 'invoices' ? ['type:util'] : [] }),
}));

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addFixture(tree, join(EXAMPLES_ROOT, 'libs'), 'libs');
  tree.write('eslint.config.mjs', NX_ESLINT_CONFIG);
  return tree;
}

const auditRules = (dir: string, name: string, tags: string[]) =>
  moduleBoundaryRules.run(diskProject(dir, EXAMPLES_GRAPH.projects.find((p) => p.name === name)!.root, { name, tags }));

describe('boundaries generator: Nx module boundaries', () => {
  generatorLogs();

  it('adds a depConstraint for the project that allows what it depends on today, keeping the rest of the config', async () => {
    const tree = workspace();
    await boundariesGenerator(tree, { project: 'invoices', skipFormat: true });
    const text = tree.read('eslint.config.mjs', 'utf-8')!;
    expect(text).toBe(
      NX_ESLINT_CONFIG.replace(
        "              onlyDependOnLibsWithTags: ['*'],\n            },\n",
        "              onlyDependOnLibsWithTags: ['*'],\n            },\n            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:util'] },\n",
      ),
    );
    expect(findBoundaryRule('eslint.config.mjs', text)?.sourceTags).toEqual(['*', 'type:feature']);
  });

  it('tags an untagged project first, and changes nothing the second time', async () => {
    const tree = workspace();
    addProjectConfiguration(tree, 'reports', { root: 'libs/reports', projectType: 'library' });
    tree.write('libs/reports/package.json', '{ "name": "@acme/reports", "main": "src/index.ts" }\n');
    tree.write('libs/reports/src/index.ts', 'export const report = 1;\n');
    await expectIdempotent(tree, () => boundariesGenerator(tree, { project: 'reports', skipFormat: true }));
    expect(readProjectConfiguration(tree, 'reports').tags).toEqual(['scope:reports']);
    expect(findBoundaryRule('eslint.config.mjs', tree.read('eslint.config.mjs', 'utf-8')!)?.sourceTags).toEqual(['*', 'scope:reports']);
  });

  it('is what structure/module-boundary-rules asks for, and nothing without ESLint', async () => {
    const tree = workspace();
    const tags = ['scope:billing', 'type:feature'];
    const before = await withFilesOnDisk(tree, '.', (dir) => auditRules(dir, 'invoices', tags));
    expect(before).toEqual([
      expect.objectContaining({
        file: 'eslint.config.mjs',
        line: 17,
        key: 'no-constraint',
        message: expect.stringContaining('no depConstraint'),
      }),
    ]);
    expect(await withFilesOnDisk(tree, '.', (dir) => auditRules(dir, 'invoices', []))).toEqual([
      expect.objectContaining({ key: 'no-tags' }),
    ]);
    await boundariesGenerator(tree, { project: 'invoices', skipFormat: true });
    expect(await withFilesOnDisk(tree, '.', (dir) => auditRules(dir, 'invoices', tags))).toEqual([]);
    tree.delete('eslint.config.mjs');
    expect(await withFilesOnDisk(tree, '.', (dir) => auditRules(dir, 'invoices', tags))).toEqual([]);
  });
});
