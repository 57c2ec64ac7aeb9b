// This area's part of the package's conformance fixture (src/conformance.spec.ts): its own test fixtures.
import { join } from 'node:path';

const FIXTURES = __dirname;

const LEDGER = 'libs/python-types-ledger';
const TYPED_LEDGER = 'libs/python-types-typed-ledger';
const LEGACY = 'libs/python-types-legacy';

export const conformanceFixtures = {
  projects: {
    [LEDGER]: join(FIXTURES, 'ledger'),
    [TYPED_LEDGER]: join(FIXTURES, 'typed-ledger'),
    [LEGACY]: join(FIXTURES, 'legacy'),
  },
  checkFixtures: {
    // ledger: public functions without annotations, no py.typed; typed-ledger: annotated and marked
    'api/python-annotations': { finds: LEDGER, quiet: TYPED_LEDGER },
    'api/python-py-typed': { finds: LEDGER, quiet: TYPED_LEDGER },
    // typed-ledger: marked typed, so pyright --verifytypes judges it (and finds gaps); legacy: not marked, not judged
    'api/python-type-completeness': { finds: TYPED_LEDGER, quiet: LEGACY },
  },
  generatorRuns: {
    'python-types': [{ project: 'python-types-ledger' }, { project: 'python-types-typed-ledger' }],
  },
};
