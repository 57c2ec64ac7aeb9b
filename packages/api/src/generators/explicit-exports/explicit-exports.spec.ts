import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { treeProject } from '@shipshape/core/testing';
import { checks } from '../../exports/checks';
import { API_OPTIONS } from '../../options';
import { PY_FILES, TS_FILES } from '../../exports/__fixtures__/libraries';
import { explicitExportsGenerator } from './explicit-exports';

const TSC = require.resolve('typescript/bin/tsc');
const PYTHON = '/usr/bin/python3';

function workspace(files: Record<string, string>): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const [path, content] of Object.entries(files)) tree.write(path, content);
  if (files['libs/money/package.json']) addProjectConfiguration(tree, 'money', { root: 'libs/money', sourceRoot: 'libs/money/src' });
  if (files['libs/ledger/pyproject.toml']) addProjectConfiguration(tree, 'ledger', { root: 'libs/ledger', sourceRoot: 'libs/ledger/src' });
  return tree;
}

async function findings(tree: Tree, project: string) {
  const shipshape = treeProject(tree, project, [API_OPTIONS]);
  const out: Array<{ check: string; file: string; line: number | undefined; message: string }> = [];
  for (const check of checks)
    for (const f of await check.run(shipshape)) out.push({ check: check.id, file: f.file, line: f.line, message: f.message });
  return out;
}

/** The Tree's files under a folder, written to disk (to compile or import them). */
function toDisk(tree: Tree, folder: string): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-exports-'));
  const walk = (dir: string) => {
    for (const name of tree.children(dir)) {
      const path = `${dir}/${name}`;
      if (tree.isFile(path)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), tree.read(path)!);
      } else walk(path);
    }
  };
  walk(folder);
  return root;
}

const snapshot = (tree: Tree) => new Map(tree.listChanges().map((c) => [c.path, c.content?.toString('utf8')]));

describe('explicit-exports generator, TypeScript', () => {
  it("finds export * in the ./testing subpath (not the main entry, which is structure's)", async () => {
    const tree = workspace(TS_FILES);
    const found = (await findings(tree, 'money')).filter((f) => f.check === 'api/star-export-entry');
    expect(found.map((f) => `${f.file}:${f.line}`)).toEqual(['libs/money/src/testing/index.ts:2', 'libs/money/src/testing/index.ts:3']);
  });

  it('leaves the main barrel (structure reports it), internal and wildcard subpaths, and curated barrels alone', async () => {
    const pkg = JSON.parse(TS_FILES['libs/money/package.json']);
    pkg.exports['./internal'] = './dist/internal.js';
    pkg.exports['./modules/*'] = './dist/modules/*.js';
    pkg.exports['./curated'] = './dist/curated.js';
    const tree = workspace({
      ...TS_FILES,
      'libs/money/package.json': JSON.stringify(pkg),
      'libs/money/src/index.ts': "export * from './money.js';\n",
      'libs/money/src/internal.ts': "export * from './money.js';\n",
      'libs/money/src/modules/a.ts': "export * from '../money.js';\n",
      'libs/money/src/curated.ts': "export * from './listed.js';\n",
      'libs/money/src/listed.ts': "export { Money } from './money.js';\nexport type { Currency } from './money.js';\n",
      'libs/money/src/testing/index.ts': "export * from 'zod';\n",
    });
    expect((await findings(tree, 'money')).filter((f) => f.check === 'api/star-export-entry')).toEqual([]);
  });

  it('writes the names out, values and types apart, keeping CRLF and the rest of the file; then it compiles and is quiet', async () => {
    const tree = workspace(TS_FILES);
    await explicitExportsGenerator(tree, { project: 'money', skipFormat: true });
    const text = tree.read('libs/money/src/testing/index.ts', 'utf-8')!;
    expect(text).toBe(
      [
        '// Test doubles for code that handles money.',
        "export { fakeMoney, ZERO } from './fakes.js';",
        "export type { FakeOptions } from './fakes.js';",
        "export type { Kind, Shape } from './shapes.js';",
        '',
        '/** Kept as it is. */',
        'export const TESTING = true;',
        '',
      ].join('\r\n'),
    );
    expect((await findings(tree, 'money')).filter((f) => f.check === 'api/star-export-entry')).toEqual([]);
    const root = toDisk(tree, 'libs/money');
    try {
      execFileSync(process.execPath, [TSC, '--noEmit', '-p', join(root, 'libs/money')], { stdio: 'pipe', timeout: 120_000 });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    const once = snapshot(tree);
    await explicitExportsGenerator(tree, { project: 'money', skipFormat: true });
    expect(snapshot(tree)).toEqual(once);
  }, 180_000);
});

describe('explicit-exports checks and generator, Python', () => {
  it('finds what is missing, undefined and unsorted, and stays quiet on __getattr__ modules', async () => {
    const tree = workspace(PY_FILES);
    const found = await findings(tree, 'ledger');
    const at = (check: string) =>
      found.filter((f) => f.check === check).map((f) => `${f.file.replace('libs/ledger/src/ledger/', '')}:${f.line}`);
    expect(at('api/python-all-undefined')).toEqual(['broken.py:1']);
    expect(at('api/python-all-reexports')).toEqual(['__init__.py:2']);
    expect(found.find((f) => f.check === 'api/python-all-reexports')!.message).toContain('"Journal"');
    expect(at('api/python-module-all')).toEqual(['errors.py:1']);
    expect(at('api/python-all-sorted').sort()).toEqual(['__init__.py:6', 'posting.py:3']);
    expect(found.some((f) => f.file.endsWith('_models.py') || f.file.endsWith('lazy.py'))).toBe(false);
  });

  it('writes, completes and sorts __all__ keeping comments and layout, never removes a name; the package imports', async () => {
    const tree = workspace(PY_FILES);
    await explicitExportsGenerator(tree, { project: 'ledger', skipFormat: true });
    const read = (f: string) => tree.read(`libs/ledger/src/ledger/${f}`, 'utf-8');
    expect(read('__init__.py')).toBe(
      [
        '"""The ledger."""',
        'from ._models import Entry, Journal, _Cursor',
        'from .errors import LedgerError',
        'from .posting import post',
        '',
        '__all__ = [',
        '    "Entry",',
        '    "Journal",',
        '    "LedgerError",',
        '    "post",',
        ']',
        '',
      ].join('\n'),
    );
    expect(read('errors.py')).toContain(
      'import logging\n\n__all__ = ["BalanceError", "LedgerError", "logger"]\n\n# the module\'s logger\n',
    );
    expect(read('errors.py')).toMatch(/class BalanceError\(LedgerError\):\n {4}pass\n\n\ndef _private\(\):\n {4}pass\n$/);
    expect(read('posting.py')).toContain("__all__ = ['MAX', 'Posting', 'post']  # what posting offers\n");
    expect(read('broken.py')).toBe(PY_FILES['libs/ledger/src/ledger/broken.py']);
    expect(read('lazy.py')).toBe(PY_FILES['libs/ledger/src/ledger/lazy.py']);
    const after = await findings(tree, 'ledger');
    expect(after.filter((f) => f.check !== 'api/python-all-undefined')).toEqual([]);
    const root = toDisk(tree, 'libs/ledger');
    try {
      const out = execFileSync(
        PYTHON,
        [
          '-c',
          'from ledger import *; from ledger.errors import *; from ledger.posting import *; print(sorted(n for n in dir() if not n.startswith("_")))',
        ],
        {
          cwd: join(root, 'libs/ledger/src'),
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(out.trim()).toBe("['BalanceError', 'Entry', 'Journal', 'LedgerError', 'MAX', 'Posting', 'logger', 'post']");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    const once = snapshot(tree);
    await explicitExportsGenerator(tree, { project: 'ledger', skipFormat: true });
    expect(snapshot(tree)).toEqual(once);
  }, 120_000);

  it('keeps CRLF line endings and a byte-order mark', async () => {
    const bom = '\uFEFF';
    const tree = workspace({
      ...PY_FILES,
      'libs/ledger/src/ledger/errors.py': bom + PY_FILES['libs/ledger/src/ledger/errors.py'].replace(/\n/g, '\r\n'),
    });
    await explicitExportsGenerator(tree, { project: 'ledger', skipFormat: true });
    const text = tree.read('libs/ledger/src/ledger/errors.py', 'utf-8')!;
    expect(text.startsWith(bom)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('import logging\r\n\r\n__all__ = ["BalanceError", "LedgerError", "logger"]\r\n\r\n');
  });
});
