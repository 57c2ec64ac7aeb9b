import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { projectListing, type FindingInput } from '@shipshape/core';
import { diskProject, tempWorkspace } from '@shipshape/core/testing';
import { EXAMPLES_ROOT } from '../__fixtures__/examples';
import initPyExports from './init-py-exports';
import missingInitPy from './missing-init-py';
import starExportBarrel from './star-export-barrel';

const barrelFixtures = join(__dirname, '../generators/barrels/__fixtures__');
const project = (workspaceRoot: string, root: string) => diskProject(workspaceRoot, root, { name: root });
const summary = (findings: FindingInput[]) => findings.map((f) => `${f.file}:${f.line} ${f.key}`);

describe('structure/star-export-barrel', () => {
  it('reports each export * of the entry barrel that package.json points at through its build output', async () => {
    expect(summary(await starExportBarrel.run(project(barrelFixtures, 'catalog-ts')))).toEqual([
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

  it('stays quiet on an explicit barrel', async () => {
    const ws = tempWorkspace({
      'lib/package.json': '{"name":"lib","main":"src/index.ts"}',
      'lib/src/index.ts': "export { a } from './a';\nexport * as b from './b';\n",
    });
    try {
      expect(await starExportBarrel.run(project(ws.root, 'lib'))).toEqual([]);
    } finally {
      ws.remove();
    }
  });
});

describe('structure/init-py-exports', () => {
  it('reports the star import and the missing __all__ of an __init__.py, not the subpackage without re-exports', async () => {
    expect(summary(await initPyExports.run(project(barrelFixtures, 'catalog-py')))).toEqual([
      'catalog-py/src/acme_catalog/__init__.py:4 star:.products',
      'catalog-py/src/acme_catalog/__init__.py:1 no-all',
      'catalog-py/src/acme_ext/hooks/__init__.py:1 no-all',
    ]);
  });

  it('finds the planted star import of examples/ledger-py', async () => {
    expect(summary(await initPyExports.run(project(EXAMPLES_ROOT, 'libs/ledger-py')))).toEqual([
      'libs/ledger-py/ledger/__init__.py:3 star:.accounts',
      'libs/ledger-py/ledger/__init__.py:1 no-all',
    ]);
  });

  it('reports an __init__.py with a syntax error once, at its line', async () => {
    const ws = tempWorkspace({
      'py/pyproject.toml': '[project]\nname = "py"\n',
      'py/src/pkg/__init__.py': '"""Pkg."""\nfrom .core import (total\n',
      'py/src/pkg/core.py': 'total = 1\n',
    });
    try {
      const findings = await initPyExports.run(project(ws.root, 'py'));
      expect(summary(findings)).toEqual(['py/src/pkg/__init__.py:2 unparsable']);
      expect(findings[0].message).toMatch(/^py\/src\/pkg\/__init__.py cannot be parsed: /);
    } finally {
      ws.remove();
    }
  });
});

describe('structure/missing-init-py', () => {
  it('reports package folders without __init__.py, not configured namespace packages nor tests', async () => {
    expect(summary(await missingInitPy.run(project(barrelFixtures, 'catalog-py')))).toEqual([
      'catalog-py/src/acme_catalog/reports/csv_export.py:1 catalog-py/src/acme_catalog/reports',
    ]);
  });

  it('finds the planted accidental namespace package of examples/ledger-py', async () => {
    const [finding] = await missingInitPy.run(project(EXAMPLES_ROOT, 'libs/ledger-py'));
    expect(finding).toMatchObject({ file: 'libs/ledger-py/ledger/reports/export.py', line: 1, key: 'libs/ledger-py/ledger/reports' });
    expect(finding.message).toContain('ledger.reports is an implicit namespace package by accident');
  });

  it('still reports through a package folder that is a symbolic link loop, which the audit lists as skipped', async () => {
    const ws = tempWorkspace();
    try {
      cpSync(join(barrelFixtures, 'catalog-py'), join(ws.root, 'py'), { recursive: true });
      symlinkSync('..', join(ws.root, 'py/src/acme_catalog/reports/loop'), 'dir');
      const checked = project(ws.root, 'py');
      expect(summary(await missingInitPy.run(checked))).toEqual([
        'py/src/acme_catalog/reports/csv_export.py:1 py/src/acme_catalog/reports',
      ]);
      expect(checked.get(projectListing).skipped).toEqual([
        expect.objectContaining({ file: 'py/src/acme_catalog/reports/loop', message: expect.stringContaining('symbolic link loop') }),
      ]);
    } finally {
      ws.remove();
    }
  });
});
