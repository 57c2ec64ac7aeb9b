// This area's part of the package's conformance fixture (src/conformance.spec.ts): the libraries of its specs
// (explicit-exports.spec.ts, forgotten-export.spec.ts) and clean versions of them.

/** A TypeScript library with a `./testing` subpath whose barrel re-exports two modules with export *. */
const TS_FILES: Record<string, string> = {
  'libs/money/package.json': JSON.stringify(
    {
      name: '@acme/money',
      version: '1.0.0',
      type: 'module',
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './testing': { types: './dist/testing/index.d.ts', default: './dist/testing/index.js' },
      },
    },
    null,
    2,
  ),
  'libs/money/tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    include: ['src'],
  }),
  'libs/money/src/index.ts': "export { Money } from './money.js';\nexport type { Currency } from './money.js';\n",
  'libs/money/src/money.ts': [
    "export type Currency = 'EUR' | 'USD';",
    'export class Money {',
    '  constructor(readonly cents: number, readonly currency: Currency) {}',
    '}',
    '',
  ].join('\r\n'),
  'libs/money/src/testing/index.ts': [
    '// Test doubles for code that handles money.',
    "export * from './fakes.js';",
    "export type * from './shapes.js';",
    '',
    '/** Kept as it is. */',
    'export const TESTING = true;',
    '',
  ].join('\r\n'),
  'libs/money/src/testing/fakes.ts': [
    "import { Money } from '../money.js';",
    'export interface FakeOptions { currency?: string }',
    "export function fakeMoney(cents = 100): Money { return new Money(cents, 'EUR'); }",
    'export const ZERO = fakeMoney(0);',
    '',
  ].join('\n'),
  'libs/money/src/testing/shapes.ts': 'export interface Shape { cents: number }\nexport type Kind = "a" | "b";\n',
};

/** A Python library: a package that re-exports and a module without __all__, one with an unsorted one. */
const PY_FILES: Record<string, string> = {
  'libs/ledger/pyproject.toml':
    '[project]\nname = "acme-ledger"\nversion = "0.1.0"\n\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n',
  'libs/ledger/src/exports_ledger/__init__.py': [
    '"""The ledger."""',
    'from ._models import Entry, Journal, _Cursor',
    'from .errors import LedgerError',
    'from .posting import post',
    '',
    '__all__ = [',
    '    "post",',
    '    "LedgerError",',
    '    "Entry",',
    ']',
    '',
  ].join('\n'),
  'libs/ledger/src/exports_ledger/_models.py': 'class Entry:\n    pass\n\n\nclass Journal:\n    pass\n\n\nclass _Cursor:\n    pass\n',
  'libs/ledger/src/exports_ledger/errors.py': [
    '"""Errors of the ledger."""',
    'from __future__ import annotations',
    '',
    'import logging',
    '',
    "# the module's logger",
    'logger = logging.getLogger(__name__)',
    '',
    '',
    'class LedgerError(Exception):',
    '    """Base error."""',
    '',
    '',
    'class BalanceError(LedgerError):',
    '    pass',
    '',
    '',
    'def _private():',
    '    pass',
    '',
  ].join('\n'),
  'libs/ledger/src/exports_ledger/posting.py': [
    'from ._models import Entry',
    '',
    "__all__ = ['post', 'Posting', 'MAX']  # what posting offers",
    '',
    'MAX = 10',
    '',
    '',
    'class Posting:',
    '    pass',
    '',
    '',
    'def post(entry: Entry) -> None:',
    '    pass',
    '',
  ].join('\n'),
  'libs/ledger/src/exports_ledger/broken.py': '__all__ = ["absent", "present"]\n\n\ndef present():\n    pass\n',
  'libs/ledger/src/exports_ledger/lazy.py': '__all__ = ["later"]\n\n\ndef __getattr__(name):\n    raise AttributeError(name)\n',
};

/** A small library whose public entry forgets some of the types its signatures use. */
const LIBRARY: Record<string, string> = {
  'libs/ledger/package.json': JSON.stringify({
    name: '@acme/exports-forgetful',
    version: '1.0.0',
    type: 'module',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './money': './dist/money.js' },
  }),
  'libs/ledger/tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      declaration: true,
      declarationMap: true,
      emitDeclarationOnly: true,
      rootDir: 'src',
      outDir: 'dist',
      skipLibCheck: true,
      types: [],
    },
    include: ['src'],
  }),
  'libs/ledger/src/index.ts': [
    "import { Journal } from './journal.js';",
    "import type { PostingOptions } from './options.js';",
    "export type { Currency } from './money.js';",
    '',
    "type Side = 'debit' | 'credit';",
    '',
    '/** One line of a journal. */',
    'export interface Entry {',
    '  side: Side;',
    '  amount: number;',
    '}',
    '',
    'class Base {',
    '  readonly id: string = "x";',
    '}',
    '',
    '/** The ledger. */',
    'export class Ledger extends Base {',
    '  private secret: Hidden = { deep: true };',
    '  post(entry: Entry, options?: PostingOptions): Journal {',
    '    return new Journal([entry], options);',
    '  }',
    '}',
    '',
    'interface Hidden {',
    '  deep: boolean;',
    '}',
    '',
    'interface Settings {',
    '  strict: boolean;',
    '}',
    '',
    'const settings: Settings = { strict: true };',
    '',
    'export const defaults = { settings };',
    '',
    'export function open(): Ledger {',
    '  const local: Hidden = { deep: false };',
    '  return new Ledger();',
    '}',
    '',
  ].join('\n'),
  'libs/ledger/src/journal.ts': [
    "import type { PostingOptions } from './options.js';",
    '',
    'export class Journal {',
    '  constructor(',
    '    readonly entries: readonly unknown[],',
    '    readonly options?: PostingOptions,',
    '  ) {}',
    '}',
    '',
  ].join('\n'),
  'libs/ledger/src/options.ts': 'export interface PostingOptions {\n  dryRun?: boolean;\n}\n',
  'libs/ledger/src/money.ts': "export type Currency = 'EUR' | 'USD';\n",
};

/** The files under a project root, by path relative to it. */
function under(root: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith(`${root}/`))
      .map(([path, content]) => [path.slice(root.length + 1), content]),
  );
}

/** money with its ./testing barrel naming what it exports, and the types its signatures use exported. */
const cleanMoney: Record<string, string> = {
  ...under('libs/money', TS_FILES),
  'package.json': TS_FILES['libs/money/package.json'].replace('"@acme/money"', '"@acme/exports-clean-money"'),
  'src/testing/index.ts': [
    '// Test doubles for code that handles money.',
    "export { Money } from '../money.js';",
    "export type { Currency } from '../money.js';",
    "export { fakeMoney, ZERO, type FakeOptions } from './fakes.js';",
    "export type { Kind, Shape } from './shapes.js';",
    '',
    '/** Kept as it is. */',
    'export const TESTING = true;',
    '',
  ].join('\n'),
};

/** A Python package whose every module states its API in a sorted __all__ that names what the package re-exports. */
const cleanLedger: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "acme-clean-ledger"\nversion = "0.1.0"\n',
  'src/clean_ledger/__init__.py': [
    '"""The ledger."""',
    'from ._models import Entry, Journal',
    'from .errors import LedgerError',
    'from .posting import post',
    '',
    '__all__ = ["Entry", "Journal", "LedgerError", "post"]',
    '',
  ].join('\n'),
  'src/clean_ledger/_models.py': 'class Entry:\n    pass\n\n\nclass Journal:\n    pass\n',
  'src/clean_ledger/errors.py':
    '"""Errors of the ledger."""\n\n__all__ = ["LedgerError"]\n\n\nclass LedgerError(Exception):\n    """Base error."""\n',
  'src/clean_ledger/posting.py': 'from ._models import Entry\n\n__all__ = ["post"]\n\n\ndef post(entry: Entry) -> None:\n    pass\n',
};

const MONEY = 'libs/exports-money';
const CLEAN_MONEY = 'libs/exports-clean-money';
const FORGETFUL = 'libs/exports-forgetful';
const LEDGER = 'libs/exports-ledger';
const CLEAN_LEDGER = 'libs/exports-clean-ledger';
const PY = { finds: LEDGER, quiet: CLEAN_LEDGER };

export const conformanceFixtures = {
  projects: {
    [MONEY]: under('libs/money', TS_FILES),
    [CLEAN_MONEY]: cleanMoney,
    [FORGETFUL]: under('libs/ledger', LIBRARY),
    [LEDGER]: under('libs/ledger', PY_FILES),
    [CLEAN_LEDGER]: cleanLedger,
  },
  checkFixtures: {
    'api/star-export-entry': { finds: MONEY, quiet: CLEAN_MONEY },
    'api/forgotten-export': { finds: FORGETFUL, quiet: CLEAN_MONEY },
    'api/python-module-all': PY,
    'api/python-all-undefined': PY,
    'api/python-all-reexports': PY,
    'api/python-all-sorted': PY,
  },
  generatorRuns: {
    'explicit-exports': [{ project: 'exports-money' }, { project: 'acme-ledger' }],
  },
};
