import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { projectListing } from '@shipshape/core';
import { findingsOf, projectAt as project, summary, withWorkspace } from '../__fixtures__/checks';
import { EXAMPLES_ROOT } from '../__fixtures__/examples';
import initPyExports from './init-py-exports';
import missingInitPy from './missing-init-py';
import starExportBarrel from './star-export-barrel';

const barrelFixtures = join(__dirname, '../generators/barrels/__fixtures__');

describe('structure/star-export-barrel', () => {
  it('reports each export * of the entry barrel that package.json points at through its build output', async () => {
    expect(await findingsOf(starExportBarrel, barrelFixtures, 'catalog-ts')).toEqual([
      'catalog-ts/src/index.ts:4 star:./products',
      'catalog-ts/src/index.ts:6 star:./pricing',
      'catalog-ts/src/index.ts:9 star:./types',
      'catalog-ts/src/index.ts:10 star:./register',
      'catalog-ts/src/index.ts:11 star:./normalize-a',
      'catalog-ts/src/index.ts:12 star:./normalize-b',
    ]);
  });

  it('finds the planted export * barrels of examples/ and leaves the explicit line alone', async () => {
    const money = await starExportBarrel.run(project(EXAMPLES_ROOT, 'libs/money'));
    expect(money.map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await starExportBarrel.run(project(EXAMPLES_ROOT, 'libs/invoices'))).map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it(
    'stays quiet on an explicit barrel',
    withWorkspace(
      {
        'lib/package.json': '{"name":"lib","main":"src/index.ts"}',
        'lib/src/index.ts': "export { a } from './a';\nexport * as b from './b';\n",
      },
      async (root) => expect(await findingsOf(starExportBarrel, root, 'lib')).toEqual([]),
    ),
  );
});

describe('structure/init-py-exports', () => {
  it('reports the star import and the missing __all__ of an __init__.py, not the subpackage without re-exports', async () => {
    expect(await findingsOf(initPyExports, barrelFixtures, 'catalog-py')).toEqual([
      'catalog-py/src/acme_catalog/__init__.py:4 star:.products',
      'catalog-py/src/acme_catalog/__init__.py:1 no-all',
      'catalog-py/src/acme_ext/hooks/__init__.py:1 no-all',
    ]);
  });

  it('finds the planted star import of examples/ledger-py', async () => {
    expect(await findingsOf(initPyExports, EXAMPLES_ROOT, 'libs/ledger-py')).toEqual([
      'libs/ledger-py/ledger/__init__.py:3 star:.accounts',
      'libs/ledger-py/ledger/__init__.py:1 no-all',
    ]);
  });

  it(
    'reports an __init__.py with a syntax error once, at its line',
    withWorkspace(
      {
        'py/pyproject.toml': '[project]\nname = "py"\n',
        'py/src/pkg/__init__.py': '"""Pkg."""\nfrom .core import (total\n',
        'py/src/pkg/core.py': 'total = 1\n',
      },
      async (root) => {
        const findings = await initPyExports.run(project(root, 'py'));
        expect(summary(findings)).toEqual(['py/src/pkg/__init__.py:2 unparsable']);
        expect(findings[0].message).toMatch(/^py\/src\/pkg\/__init__.py cannot be parsed: /);
      },
    ),
  );
});

describe('structure/missing-init-py', () => {
  it('reports package folders without __init__.py, not configured namespace packages nor tests', async () => {
    expect(await findingsOf(missingInitPy, barrelFixtures, 'catalog-py')).toEqual([
      'catalog-py/src/acme_catalog/reports/csv_export.py:1 catalog-py/src/acme_catalog/reports',
    ]);
  });

  it('finds the planted accidental namespace package of examples/ledger-py', async () => {
    const [finding] = await missingInitPy.run(project(EXAMPLES_ROOT, 'libs/ledger-py'));
    expect(finding).toMatchObject({ file: 'libs/ledger-py/ledger/reports/export.py', line: 1, key: 'libs/ledger-py/ledger/reports' });
    expect(finding.message).toContain('ledger.reports is an implicit namespace package by accident');
  });

  it(
    'still reports through a package folder that is a symbolic link loop, which the audit lists as skipped',
    withWorkspace({}, async (root) => {
      cpSync(join(barrelFixtures, 'catalog-py'), join(root, 'py'), { recursive: true });
      symlinkSync('..', join(root, 'py/src/acme_catalog/reports/loop'), 'dir');
      const checked = project(root, 'py');
      expect(summary(await missingInitPy.run(checked))).toEqual([
        'py/src/acme_catalog/reports/csv_export.py:1 py/src/acme_catalog/reports',
      ]);
      expect(checked.get(projectListing).skipped).toEqual([
        expect.objectContaining({ file: 'py/src/acme_catalog/reports/loop', message: expect.stringContaining('symbolic link loop') }),
      ]);
    }),
  );
});
