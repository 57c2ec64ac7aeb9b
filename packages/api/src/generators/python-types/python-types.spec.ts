import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { diskProject, generatorRunProblems } from '@shipshape/core/testing';
import { API_OPTIONS } from '../../options';
import { checks } from '../../python-types/checks';
import { pythonTypesGenerator } from './python-types';

const FIXTURES = join(__dirname, '../../python-types/__fixtures__');
const PACKAGE_ROOT = join(__dirname, '../../..');
const OPTIONS = { python: '/usr/bin/python3' };

// eslint-disable-next-line @typescript-eslint/no-require-imports -- Nx's own Tree over a folder, as `nx g` uses it
const { FsTree, flushChanges } = require('nx/src/generators/tree') as {
  FsTree: new (root: string, verbose: boolean) => Tree;
  flushChanges: (root: string, changes: ReturnType<Tree['listChanges']>) => void;
};

jest.setTimeout(240_000);

let root: string;
let tree: Tree;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'shipshape-python-types-'));
  cpSync(FIXTURES, root, { recursive: true });
  tree = new FsTree(root, false);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const read = (path: string, from: Tree = tree) => from.read(path, 'utf-8') ?? '';
const original = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

/**
 * The generator run on the ledger project of a fresh copy of the fixtures, flushed to that copy: done once (pyright
 * measures the floor in it) for the two tests that read its result, one the Tree, the other the audit of the disk.
 */
let ledgerRun: Promise<{ root: string; tree: Tree }> | undefined;
const fixedLedger = () =>
  (ledgerRun ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-python-types-ledger-'));
    cpSync(FIXTURES, dir, { recursive: true });
    const fixed = new FsTree(dir, false);
    await pythonTypesGenerator(fixed, { project: 'ledger', skipFormat: true });
    flushChanges(dir, fixed.listChanges());
    return { root: dir, tree: fixed };
  })());
afterAll(async () => {
  if (ledgerRun) rmSync((await ledgerRun).root, { recursive: true, force: true });
});

describe('python-types generator', () => {
  it('marks the typed package, ships the marker with setuptools, and writes the certain return annotations', async () => {
    const ledger = await fixedLedger();
    expect(ledger.tree.exists('ledger/src/ledger/py.typed')).toBe(true);
    expect(read('ledger/pyproject.toml', ledger.tree)).toBe(
      `${original('ledger/pyproject.toml')}\n[tool.setuptools.package-data]\nledger = ["py.typed"]\n`,
    );
    const accounts = read('ledger/src/ledger/accounts.py', ledger.tree);
    const added = accounts.split('\n').filter((line, i) => line !== original('ledger/src/ledger/accounts.py').split('\n')[i]);
    expect(added).toEqual([
      '    def __init__(self, code: str, name: str, balance: Decimal = Decimal(0)) -> None:',
      '    def __repr__(self) -> str:',
      '    def __str__(self) -> str:',
      '    def __len__(self) -> int:',
      '    def credit(self, amount: Decimal) -> None:',
      '    def debit(self, amount: Decimal) -> None:',
      '    def rename(self, name) -> None:',
      '    def __init__(self) -> None:',
      '    def add(self, account: Account) -> None:',
      'def reset(ledger: Ledger) -> None:',
    ]);
    // abstract, stub hooks, raising bodies, setters, value-returning functions and overloads are left alone
    expect(accounts).toContain('    def write(self, ledger: "Ledger"):\n');
    expect(accounts).toContain('    def on_start(self):\n');
    expect(accounts).toContain('    def close(self):\n');
    expect(accounts).toContain('    def label(self, value: str):\n');
    expect(accounts).toContain('def open_ledger(*accounts: Account):\n');
    expect(accounts).toContain('    def get(self, code, default=None):\n');
    // the floor is what pyright measures on the result
    const floors = JSON.parse(read('ledger/api/floors.json', ledger.tree)) as Record<string, number>;
    expect(floors['python/type-completeness']).toBeGreaterThan(0);
    expect(floors['python/type-completeness']).toBeLessThan(100);
    // the annotated package still imports (the run's changes are flushed to ledger.root)
    expect(
      execFileSync(OPTIONS.python, ['-B', '-c', 'import ledger, ledger.accounts as a; print(a.Account("1", "Cash"))'], {
        env: { ...process.env, PYTHONPATH: join(ledger.root, 'ledger/src') },
        encoding: 'utf8',
      }),
    ).toBe('1 Cash\n');
  });

  it('keeps CRLF line endings, leaves an untyped package unmarked, and says what it left', async () => {
    await pythonTypesGenerator(tree, { project: 'legacy', skipFormat: true });
    expect(tree.exists('legacy/legacy/py.typed')).toBe(false);
    const helpers = read('legacy/legacy/helpers.py');
    expect(helpers).toBe(
      original('legacy/legacy/helpers.py')
        .replace('def __init__(self):', 'def __init__(self) -> None:')
        .replace('def register(self, name, item):', 'def register(self, name, item) -> None:'),
    );
    expect(helpers.split('\r\n')).toHaveLength(original('legacy/legacy/helpers.py').split('\r\n').length);
    expect(read('legacy/pyproject.toml')).toBe(original('legacy/pyproject.toml'));
    flushChanges(root, tree.listChanges());
    execFileSync(OPTIONS.python, ['-c', 'import legacy; legacy.Registry().register("a", 1)'], {
      env: { ...process.env, PYTHONPATH: join(root, 'legacy') },
    });
  });

  it('leaves a file that does not parse as it is, and annotates the others', async () => {
    tree.write('legacy/legacy/broken.py', 'def half(x):\n    return x /\n');
    await pythonTypesGenerator(tree, { project: 'legacy', skipFormat: true });
    expect(read('legacy/legacy/broken.py')).toBe('def half(x):\n    return x /\n');
    expect(read('legacy/legacy/helpers.py')).toContain('def register(self, name, item) -> None:');
  });

  it('writes no annotation in a project that still supports Python 2', async () => {
    tree.write('legacy/pyproject.toml', `${original('legacy/pyproject.toml')}requires-python = ">=2.7, !=3.0.*, !=3.1.*"\n`);
    await pythonTypesGenerator(tree, { project: 'legacy', skipFormat: true });
    expect(read('legacy/legacy/helpers.py')).toBe(original('legacy/legacy/helpers.py'));
  });

  it('changes nothing on a clean, marked, complete package but its floor', async () => {
    await pythonTypesGenerator(tree, { project: 'typed-ledger', skipFormat: true });
    expect(tree.listChanges().map((c) => c.path)).toEqual(['typed-ledger/api/floors.json']);
    expect(JSON.parse(read('typed-ledger/api/floors.json'))).toEqual({ 'python/type-completeness': 100 });
  });

  it('leaves the audit quiet about what it fixed', async () => {
    const ledger = await fixedLedger();
    const project = diskProject(ledger.root, 'ledger', { sections: [API_OPTIONS], options: OPTIONS });
    const byCheck = Object.fromEntries(await Promise.all(checks.map(async (c) => [c.id, await c.run(project)] as const)));
    expect(byCheck['api/python-py-typed']).toEqual([]);
    expect(byCheck['api/python-type-completeness'].filter((f) => f.key?.startsWith('floor:'))).toEqual([]);
    // what remains is the author's: parameters and returns that cannot be inferred for certain
    expect(byCheck['api/python-annotations'].map((f) => f.message)).toEqual([
      '1 of the 1 public functions and methods of this module lack annotations: format_amount (1 parameter, return)',
      '5 of the 21 public functions and methods of this module lack annotations: Account.rename (1 parameter), Exporter.write (return), Exporter.on_start (return), Exporter.close (return), open_ledger (return)',
    ]);
  });

  it.each(['ledger', 'legacy'])('is idempotent and writes nothing outside the Tree (%s)', async (project) => {
    const problems = await generatorRunProblems(
      { packageRoot: PACKAGE_ROOT, checks, fixture: FIXTURES, checkFixtures: {}, generatorRuns: {} },
      'python-types',
      { project },
    );
    expect(problems).toEqual([]);
  });
});
