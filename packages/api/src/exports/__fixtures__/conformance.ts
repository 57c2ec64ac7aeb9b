// This area's part of the package's conformance fixture (src/conformance.spec.ts): the libraries of its specs
// (libraries.ts: explicit-exports.spec.ts, forgotten-export.spec.ts) and clean versions of them.
import { edited, moved, under } from '../../__fixtures__/projects';
import { LIBRARY, PY_FILES, TS_FILES } from './libraries';

/** The Python library with its package renamed (python-types' ledger has a package src/ledger too). */
const ledger = moved(under('libs/ledger', PY_FILES), 'src/ledger/', 'src/exports_ledger/');

/** The forgetful library under a package name of its own in the workspace. */
const forgetful = edited(under('libs/ledger', LIBRARY), [['package.json', '"@acme/ledger"', '"@acme/exports-forgetful"']]);

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
    [FORGETFUL]: forgetful,
    [LEDGER]: ledger,
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
