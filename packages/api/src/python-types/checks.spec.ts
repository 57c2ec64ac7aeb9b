import { join } from 'node:path';
import { isIncompleteAudit, type Check, type FindingInput } from '@shipshape/core';
import { diskProject, tempWorkspace } from '@shipshape/core/testing';
import { API_OPTIONS } from '../options';
import missingAnnotations from './missing-annotations';
import pyTyped from './py-typed';
import { verifyTypes } from './pyright';
import typeCompleteness from './type-completeness';

const FIXTURES = join(__dirname, '__fixtures__');
const project = (root: string, workspace = FIXTURES) =>
  diskProject(workspace, root, { sections: [API_OPTIONS], options: { python: '/usr/bin/python3' } });
const run = async (check: Check, root: string, workspace?: string): Promise<FindingInput[]> => check.run(project(root, workspace));
const where = (findings: FindingInput[]) => findings.map((f) => `${f.file}:${f.line ?? 1} ${f.key}`);

describe('api/python-annotations', () => {
  it('lists, per public module, the public functions and methods that lack annotations, re-exports of private modules included', async () => {
    const findings = await run(missingAnnotations, 'ledger');
    expect(where(findings)).toEqual(['ledger/src/ledger/_format.py:6 module-gaps', 'ledger/src/ledger/accounts.py:16 module-gaps']);
    expect(findings[0].message).toBe(
      '1 of the 1 public functions and methods of this module lack annotations: format_amount (1 parameter, return)',
    );
    const accounts = findings[1].message;
    expect(accounts).toMatch(
      /^12 of the 21 public functions and methods of this module lack annotations: Account.__repr__ \(return\), Account.__str__ \(return\), Account.__len__ \(return\), Account.credit \(return\), Account.debit \(return\) and 7 more$/,
    );
    // __init__ needs no return annotation, a property setter neither, the implementation behind @overload is not shown
    expect(accounts).not.toMatch(/__init__|label|Ledger\.get/);
  });

  it('says once that a package has no annotations at all', async () => {
    const findings = await run(missingAnnotations, 'legacy');
    expect(where(findings)).toEqual(['legacy/legacy/__init__.py:1 untyped-package']);
    expect(findings[0].message).toMatch(/none of its 5 public functions and methods \(in 1 modules\) is annotated/);
  });

  it('stays quiet on a fully annotated package, and judges a module with a .pyi stub by its stub', async () => {
    expect(await run(missingAnnotations, 'typed-ledger')).toEqual([]);
    const ws = tempWorkspace({
      'lib/pyproject.toml': '[project]\nname = "lib"\n',
      'lib/lib/__init__.py': 'from ._impl import parse\n',
      'lib/lib/__init__.pyi': 'def parse(text: str) -> int: ...\n',
      'lib/lib/_impl.py': 'def parse(text):\n    return int(text)\n',
      'lib/tests/test_lib.py': 'def test_parse():\n    assert True\n',
    });
    try {
      expect(await run(missingAnnotations, 'lib', ws.root)).toEqual([]);
    } finally {
      ws.remove();
    }
  });
});

describe('api/python-py-typed', () => {
  it('reports a package that ships inline annotations without py.typed', async () => {
    const findings = await run(pyTyped, 'ledger');
    expect(where(findings)).toEqual(['ledger/src/ledger/__init__.py:1 no-py-typed:ledger']);
    expect(findings[0].message).toMatch(/ships inline annotations \(\d+ of its \d+ functions and methods\) but no py.typed marker/);
  });

  it('stays quiet on an untyped package and on a marked one', async () => {
    expect(await run(pyTyped, 'legacy')).toEqual([]);
    expect(await run(pyTyped, 'typed-ledger')).toEqual([]);
  });

  it('reports py.typed that setuptools pinned below 69 leaves out of the wheel, and not once package data names it', async () => {
    const files = {
      'lib/pyproject.toml':
        '[build-system]\nrequires = ["setuptools>=61,<68", "wheel"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "lib"\n',
      'lib/src/lib/__init__.py':
        'def parse(text: str) -> int:\n    return int(text)\n\n\ndef show(value: int) -> str:\n    return str(value)\n\n\ndef both(a: int, b: int) -> int:\n    return a + b\n',
      'lib/src/lib/py.typed': '',
    };
    const ws = tempWorkspace(files);
    try {
      expect(where(await run(pyTyped, 'lib', ws.root))).toEqual(['lib/pyproject.toml:1 py-typed-not-shipped:lib']);
      ws.write({ 'lib/pyproject.toml': `${files['lib/pyproject.toml']}\n[tool.setuptools.package-data]\nlib = ["py.typed"]\n` });
      expect(await run(pyTyped, 'lib', ws.root)).toEqual([]);
      // an unpinned setuptools is 69 or later where it builds in isolation: py.typed ships
      ws.write({ 'lib/pyproject.toml': files['lib/pyproject.toml'].replace('setuptools>=61,<68', 'setuptools>=61') });
      expect(await run(pyTyped, 'lib', ws.root)).toEqual([]);
    } finally {
      ws.remove();
    }
  });
});

describe('api/python-type-completeness (pyright --verifytypes, run for real)', () => {
  jest.setTimeout(180_000);

  it('measures a marked package and asks for a floor; an error once the figure falls below it', async () => {
    const ws = tempWorkspace({
      'lib/pyproject.toml': '[project]\nname = "lib"\n',
      'lib/src/lib/__init__.py': '"""Lib."""\n\nfrom ._core import parse, show\n\n__all__ = ["parse", "show"]\n',
      'lib/src/lib/_core.py':
        '"""Core."""\n\n\ndef parse(text: str) -> int:\n    """Parse."""\n    return int(text)\n\n\ndef show(value):\n    """Show."""\n    return str(value)\n',
      'lib/src/lib/py.typed': '',
    });
    try {
      const findings = await run(typeCompleteness, 'lib', ws.root);
      expect(where(findings)).toEqual(['lib/src/lib/_core.py:9 completeness:lib', 'lib:1 floor:python/type-completeness']);
      expect(findings[0].message).toMatch(
        /^pyright --verifytypes lib: 50 % of the public API's types are known \(1 of 2 exported symbols; .*lib.show \(lib\/src\/lib\/_core.py:9\): /,
      );
      expect(findings[1]).toMatchObject({ severity: 'info' });
      ws.write({ 'lib/api/floors.json': '{ "python/type-completeness": 80 }\n' });
      const fallen = await run(typeCompleteness, 'lib', ws.root);
      expect(fallen[1]).toMatchObject({ severity: 'error', file: 'lib/api/floors.json' });
      expect(fallen[1].message).toMatch(/fell to 50 %, below its floor of 80 %/);
    } finally {
      ws.remove();
    }
  });

  it('says why when pyright cannot verify the package (one it cannot find)', async () => {
    const ws = tempWorkspace({
      'typed/pyproject.toml': '[project]\nname = "typed"\n',
      'typed/typed/__init__.py': 'def f(a: int) -> int:\n    return a\n',
      'typed/typed/py.typed': '',
    });
    try {
      const pkg = { folder: 'typed/typed', name: 'not_there', hasPyTyped: true, annotated: 1, total: 1, stubs: false, typed: true };
      const error = await verifyTypes(project('typed', ws.root), pkg, '/usr/bin/python3').catch((e: unknown) => e);
      expect(isIncompleteAudit(error)).toBe(true);
      expect((error as Error).message).toMatch(/^pyright --verifytypes not_there could not verify the package: /);
    } finally {
      ws.remove();
    }
  });

  it('is quiet on a complete package at its floor, and does not run pyright on a package without py.typed', async () => {
    const ws = tempWorkspace({
      'typed/pyproject.toml': '[project]\nname = "typed"\n',
      'typed/typed/__init__.py': '"""Typed."""\n\n\ndef parse(text: str) -> int:\n    """Parse."""\n    return int(text)\n',
      'typed/typed/py.typed': '',
      'typed/api/floors.json': '{ "python/type-completeness": 100 }\n',
    });
    try {
      expect(await run(typeCompleteness, 'typed', ws.root)).toEqual([]);
      expect(await run(typeCompleteness, 'legacy')).toEqual([]);
    } finally {
      ws.remove();
    }
  });
});
