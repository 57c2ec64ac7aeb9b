import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { expectIdempotentAndDryRunSafe, filesOf, tempWorkspace } from '@shipshape/core/testing';
import { facadeGenerator } from './facade';

const FILES = filesOf(`
  == libs/money/package.json
  { "name": "@acme/money", "version": "1.0.0", "exports": { ".": "./src/index.ts" } }
  == libs/money/src/index.ts
  // The money library's public API.
  export { Money } from './lib/money';
  export { ParseError, parseMoney } from './lib/parse';
  == libs/money/src/lib/money.ts
  export type Currency = 'EUR' | 'USD';

  export class Money {
    constructor(
      readonly cents: number,
      readonly currency: Currency,
    ) {}
  }

  export function formatMoney(money: Money): string {
    return \`\${(money.cents / 100).toFixed(2)} \${money.currency}\`;
  }
  == libs/money/src/lib/parse.ts
  export class ParseError extends Error {}

  export function parseMoney(text: string): number {
    if (!/^\\d+$/.test(text)) throw new ParseError(text);
    return Number(text);
  }
  == libs/shop/package.json
  { "name": "@acme/shop", "version": "1.0.0", "dependencies": { "@acme/money": "1.0.0" } }
  == libs/shop/src/index.ts
  import { Money } from '@acme/money';
  import { formatMoney, type Currency } from '@acme/money/src/lib/money';
  import * as parsing from '@acme/money/src/lib/parse';

  export const price = (cents: number, currency: Currency): string => formatMoney(new Money(cents, currency));
  export const parse = parsing.parseMoney;
  == libs/ledger/pyproject.toml
  [project]
  name = "acme-ledger"
  version = "1.0.0"
  == libs/ledger/acme_ledger/__init__.py
  """The ledger."""

  from ._core import Ledger

  __all__ = [
      "Ledger",
  ]
  == libs/ledger/acme_ledger/_core.py
  class Ledger:
      def __init__(self):
          self.entries = []
  == libs/ledger/acme_ledger/_money.py
  from dataclasses import dataclass


  @dataclass
  class Entry:
      cents: int


  def to_cents(amount: float) -> int:
      return round(amount * 100)
  == libs/ledger/acme_ledger/_cycle.py
  from acme_ledger import Ledger


  def fresh() -> Ledger:
      return Ledger()
  == libs/report/pyproject.toml
  [project]
  name = "acme-report"
  version = "1.0.0"
  dependencies = ["acme-ledger"]
  == libs/report/acme_report/__init__.py
  from acme_ledger import Ledger
  from acme_ledger._money import Entry, to_cents
  from acme_ledger._cycle import fresh
  from acme_ledger._core import missing_name
`);

const PROJECTS = { money: 'libs/money', shop: 'libs/shop', ledger: 'libs/ledger', report: 'libs/report' };

function workspace(files: Record<string, string> = FILES): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const [name, root] of Object.entries(PROJECTS)) addProjectConfiguration(tree, name, { root, projectType: 'library' });
  for (const [path, content] of Object.entries(files)) tree.write(path, content);
  return tree;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';

/** Every file of the Tree under a folder, written to a temporary folder (for tsc and python3). */
function onDisk(tree: Tree, folders: string[]) {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const child of tree.children(dir)) {
      const path = `${dir}/${child}`;
      if (tree.isFile(path)) files[path] = read(tree, path);
      else walk(path);
    }
  };
  folders.forEach(walk);
  return tempWorkspace(files);
}

const TSC = require.resolve('typescript/bin/tsc');
const PYTHON = '/usr/bin/python3';

describe('facade generator, TypeScript', () => {
  it('re-exports from the barrel what other projects import from deeper modules, types with export type, and compiles', async () => {
    const tree = workspace();
    await facadeGenerator(tree, { project: 'money', skipFormat: true });
    expect(read(tree, 'libs/money/src/index.ts')).toBe(
      [
        "// The money library's public API.",
        "export { Money } from './lib/money';",
        "export { ParseError, parseMoney } from './lib/parse';",
        "export { formatMoney } from './lib/money';",
        "export type { Currency } from './lib/money';",
        '',
      ].join('\n'),
    );
    // the importer is not rewritten
    expect(read(tree, 'libs/shop/src/index.ts')).toBe(FILES['libs/shop/src/index.ts']);
    const disk = onDisk(tree, ['libs/money']);
    try {
      execFileSync(
        process.execPath,
        [
          TSC,
          '--noEmit',
          '--strict',
          '--target',
          'es2022',
          '--module',
          'esnext',
          '--moduleResolution',
          'bundler',
          join(disk.root, 'libs/money/src/index.ts'),
        ],
        // run in the temporary folder: from the repository root tsc would load every @types package of its node_modules
        { cwd: disk.root, stdio: 'pipe' },
      );
    } finally {
      disk.remove();
    }
  });

  it('scaffolds the base error (name and cause) next to the barrel, exported from it, and lists the errors to rebase', async () => {
    const tree = workspace();
    const logs: string[] = [];
    const spy = jest.spyOn(console, 'warn').mockImplementation((...args) => void logs.push(args.join(' ')));
    const spyLog = jest.spyOn(console, 'log').mockImplementation((...args) => void logs.push(args.join(' ')));
    try {
      await facadeGenerator(tree, { project: 'money', baseError: 'MoneyError', skipFormat: true });
    } finally {
      spy.mockRestore();
      spyLog.mockRestore();
    }
    expect(read(tree, 'libs/money/src/errors.ts')).toContain('export class MoneyError extends Error {');
    expect(read(tree, 'libs/money/src/index.ts')).toContain("export { MoneyError } from './errors';");
    const disk = onDisk(tree, ['libs/money']);
    try {
      disk.write({
        'use.ts': [
          "import { MoneyError } from './libs/money/src/index';",
          "const error: Error = new MoneyError('bad amount', { cause: new Error('NaN') });",
          "export const ok: boolean = error instanceof MoneyError && error.name === 'MoneyError';",
          '',
        ].join('\n'),
      });
      execFileSync(
        process.execPath,
        [TSC, '--outDir', join(disk.root, 'out'), '--strict', '--target', 'es2022', '--module', 'commonjs', join(disk.root, 'use.ts')],
        { cwd: disk.root, stdio: 'pipe' },
      );
      // the class works at run time: instanceof, name and cause
      const script =
        "const m = require('./out/use.js'); const { MoneyError } = require('./out/libs/money/src/errors.js'); const e = new MoneyError('x', { cause: 42 }); if (!m.ok || e.cause !== 42 || !(e instanceof Error)) process.exit(1);";
      execFileSync(process.execPath, ['-e', script], { cwd: disk.root, stdio: 'pipe' });
    } finally {
      disk.remove();
    }
    expect(logs.join('\n')).toMatch(/ParseError extends Error: extend MoneyError instead/);
  });

  it('keeps CRLF line endings of the barrel', async () => {
    const files = { ...FILES, 'libs/money/src/index.ts': FILES['libs/money/src/index.ts'].replace(/\n/g, '\r\n') };
    const tree = workspace(files);
    await facadeGenerator(tree, { project: 'money', skipFormat: true });
    const text = read(tree, 'libs/money/src/index.ts');
    expect(text).toContain("export { formatMoney } from './lib/money';\r\n");
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('changes nothing where nobody imports past the facade', async () => {
    const tree = workspace();
    await facadeGenerator(tree, { project: 'shop', skipFormat: true });
    expect(read(tree, 'libs/shop/src/index.ts')).toBe(FILES['libs/shop/src/index.ts']);
  });
});

describe('facade generator, Python', () => {
  it('re-exports from __init__.py and __all__ what other projects import from private modules, and imports', async () => {
    const tree = workspace();
    await facadeGenerator(tree, { project: 'ledger', skipFormat: true });
    expect(read(tree, 'libs/ledger/acme_ledger/__init__.py')).toBe(
      [
        '"""The ledger."""',
        '',
        'from ._core import Ledger',
        'from ._money import Entry, to_cents',
        '',
        '__all__ = [',
        '    "Ledger",',
        '    "Entry",',
        '    "to_cents",',
        ']',
        '',
      ].join('\n'),
    );
    const disk = onDisk(tree, ['libs/ledger']);
    try {
      const out = execFileSync(PYTHON, ['-c', 'import acme_ledger; print(sorted(acme_ledger.__all__)); print(acme_ledger.to_cents(1.5))'], {
        cwd: join(disk.root, 'libs/ledger'),
        encoding: 'utf8',
      });
      expect(out).toBe("['Entry', 'Ledger', 'to_cents']\n150\n");
    } finally {
      disk.remove();
    }
  });

  it('scaffolds the base error class in exceptions.py, exported from the package, and imports', async () => {
    const tree = workspace();
    await facadeGenerator(tree, { project: 'ledger', baseError: 'LedgerError', skipFormat: true });
    expect(read(tree, 'libs/ledger/acme_ledger/exceptions.py')).toMatch(/^class LedgerError\(Exception\):\n {4}"""/);
    expect(read(tree, 'libs/ledger/acme_ledger/__init__.py')).toContain('from .exceptions import LedgerError');
    const disk = onDisk(tree, ['libs/ledger']);
    try {
      const out = execFileSync(
        PYTHON,
        ['-c', 'import acme_ledger as l; assert issubclass(l.LedgerError, Exception); assert "LedgerError" in l.__all__; print("ok")'],
        { cwd: join(disk.root, 'libs/ledger'), encoding: 'utf8' },
      );
      expect(out).toBe('ok\n');
    } finally {
      disk.remove();
    }
  });

  it('is idempotent', async () => {
    const tree = workspace();
    await facadeGenerator(tree, { project: 'ledger', baseError: 'LedgerError', skipFormat: true });
    const once = ['libs/ledger/acme_ledger/__init__.py', 'libs/ledger/acme_ledger/exceptions.py'].map((p) => read(tree, p));
    await facadeGenerator(tree, { project: 'ledger', baseError: 'LedgerError', skipFormat: true });
    expect(['libs/ledger/acme_ledger/__init__.py', 'libs/ledger/acme_ledger/exceptions.py'].map((p) => read(tree, p))).toEqual(once);
  });

  it('adds __all__ to an __init__.py that exported nothing, and leaves one with public names but no __all__ to the user', async () => {
    const tree = workspace({ ...FILES, 'libs/ledger/acme_ledger/__init__.py': '' });
    await facadeGenerator(tree, { project: 'ledger', skipFormat: true });
    expect(read(tree, 'libs/ledger/acme_ledger/__init__.py')).toBe(
      'from ._money import Entry, to_cents\n__all__ = ["Entry", "to_cents"]\n',
    );
    const other = workspace({ ...FILES, 'libs/ledger/acme_ledger/__init__.py': 'from ._core import Ledger\n' });
    await facadeGenerator(other, { project: 'ledger', skipFormat: true });
    expect(read(other, 'libs/ledger/acme_ledger/__init__.py')).toBe('from ._core import Ledger\nfrom ._money import Entry, to_cents\n');
  });
});

describe('facade generator, bad input and dry runs', () => {
  it('refuses a base error name that is no class name, writing nothing', async () => {
    const tree = workspace();
    await expect(facadeGenerator(tree, { project: 'money', baseError: 'money_error' })).rejects.toThrow(
      /--baseError="money_error" is no class name/,
    );
    expect(read(tree, 'libs/money/src/index.ts')).toBe(FILES['libs/money/src/index.ts']);
  });

  it('refuses --baseError for a project without a facade', async () => {
    const tree = workspace({ ...FILES, 'libs/empty/package.json': '{ "name": "@acme/empty" }\n' });
    addProjectConfiguration(tree, 'empty', { root: 'libs/empty', projectType: 'library' });
    await expect(facadeGenerator(tree, { project: 'empty', baseError: 'EmptyError' })).rejects.toThrow(
      /has neither a TypeScript entry barrel/,
    );
  });

  it('writes nothing to disk until Nx flushes the Tree (a --dry-run), and a second --baseError run changes nothing', async () => {
    const changed = await expectIdempotentAndDryRunSafe(
      facadeGenerator,
      {
        ...FILES,
        'nx.json': '{}\n',
        'package.json': '{ "name": "root", "private": true }\n',
        ...Object.fromEntries(Object.entries(PROJECTS).map(([name, root]) => [`${root}/project.json`, JSON.stringify({ name, root })])),
      },
      { project: 'money', baseError: 'MoneyError', skipFormat: true },
    );
    expect(changed).toEqual(['libs/money/src/errors.ts', 'libs/money/src/index.ts']);
  });
});
