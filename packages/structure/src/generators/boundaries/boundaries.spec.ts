import { join } from 'node:path';
import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { addFixture, expectIdempotent, generatorLogs, pythonImport, withFilesOnDisk } from '../../__fixtures__/tree';
import { boundariesGenerator } from './boundaries';

const examples = join(__dirname, '../../../../../examples');

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addFixture(tree, join(examples, 'libs'), 'libs');
  addFixture(tree, join(__dirname, '../barrels/__fixtures__/catalog-ts'), 'libs/catalog');
  addProjectConfiguration(tree, 'catalog', { root: 'libs/catalog', projectType: 'library' });
  return tree;
}

const json = (tree: Tree, path: string) => JSON.parse(tree.read(path, 'utf-8')!);

describe('boundaries generator', () => {
  const { warnings } = generatorLogs();

  it('writes no exports map that would break what another project imports today, and says why', async () => {
    const tree = workspace();
    await boundariesGenerator(tree, { project: 'money', skipFormat: true });
    expect(json(tree, 'libs/money/package.json').exports).toBeUndefined();
    expect(warnings.join('\n')).toContain(
      'libs/money/package.json: no exports map written, it would break what other projects import today (libs/invoices/src/totals.ts:2 imports "@acme/money/src/internal/minor-units")',
    );
  });

  it('writes an exports map from the entry points package.json declares, types first, and ./package.json', async () => {
    const tree = workspace();
    // invoices imports money's internals (libs/invoices/src/totals.ts): without that import, nothing needs more than the entry point.
    tree.write(
      'libs/invoices/src/totals.ts',
      (tree.read('libs/invoices/src/totals.ts', 'utf-8') ?? '').replace(/^import .*minor-units';\n/m, ''),
    );
    await boundariesGenerator(tree, { project: 'money', skipFormat: true });
    await boundariesGenerator(tree, { project: 'invoices', skipFormat: true });
    await boundariesGenerator(tree, { project: 'catalog', skipFormat: true });
    expect(json(tree, 'libs/money/package.json').exports).toEqual({ '.': './src/index.ts', './package.json': './package.json' });
    expect(json(tree, 'libs/invoices/package.json').exports).toEqual({ '.': './dist/index.js', './package.json': './package.json' });
    expect(json(tree, 'libs/catalog/package.json').exports).toEqual({
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './package.json': './package.json',
    });
    expect(tree.read('libs/money/package.json', 'utf-8')).toMatch(
      /^\{\n {2}"name": "@acme\/money",\n {2}"version": "0.4.0",\n {2}"main": "src\/index.ts",\n/,
    );
  });

  it('never replaces an exports map the package has', async () => {
    const tree = workspace();
    tree.write(
      'libs/money/package.json',
      '{ "name": "@acme/money", "main": "src/index.ts", "exports": { ".": "./src/index.ts", "./internal/*": "./src/internal/*.ts" } }\n',
    );
    await boundariesGenerator(tree, { project: 'money', skipFormat: true });
    expect(tree.read('libs/money/package.json', 'utf-8')).toBe(
      '{ "name": "@acme/money", "main": "src/index.ts", "exports": { ".": "./src/index.ts", "./internal/*": "./src/internal/*.ts" } }\n',
    );
  });

  it('adds the _internal convention to a Python package, which still imports', async () => {
    const tree = workspace();
    await boundariesGenerator(tree, { project: 'ledger-py', skipFormat: true });
    expect(tree.read('libs/ledger-py/ledger/_internal/__init__.py', 'utf-8')).toContain(
      'Internal modules of ledger: not part of its public API.',
    );
    expect(
      withFilesOnDisk(tree, 'libs/ledger-py', (dir) => pythonImport(dir, '.', 'import ledger._internal', 'ledger._internal.__name__')),
    ).toBe('ledger._internal');
  });

  it('changes nothing the second time', async () => {
    const tree = workspace();
    await expectIdempotent(tree, async () => {
      for (const project of ['money', 'ledger-py']) await boundariesGenerator(tree, { project, skipFormat: true });
    });
  });
});
