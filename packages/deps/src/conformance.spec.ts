import { join } from 'node:path';
import { describeConformance } from '@shipshape/core/testing';
import { checks } from './checks';
import { DEPS_OPTIONS } from './options';
import { plantedWorkspace } from './testing/fixture-workspace';

// The planted fixture with its node_modules and Python environment installed: what the checks resolve against.
const ws = plantedWorkspace();
afterAll(() => ws.remove());

const TS = { finds: 'libs/app-ts', quiet: 'libs/clean-ts' };
const PY = { finds: 'libs/app-py', quiet: 'libs/clean-py' };

describeConformance({
  packageRoot: join(__dirname, '..'),
  checks,
  fixture: ws.root,
  options: { python: ws.python },
  sections: [DEPS_OPTIONS],
  checkFixtures: {
    'deps/missing-dependency': TS,
    'deps/transitive-dependency': TS,
    'deps/unused-dependency': TS,
    'deps/misplaced-dependency': TS,
    'deps/types-placement': TS,
    'deps/stdlib-dependency': PY,
    'deps/version-range': TS,
    'deps/optional-dependency': TS,
    'deps/unguarded-optional-import': PY,
  },
  generatorRuns: {
    init: [{}],
    categorize: [{ project: '@fx/app-ts' }, { project: 'fx-app-py' }],
    prune: [{ project: '@fx/app-ts' }, { project: 'fx-app-py' }],
    'optional-groups': [{ project: '@fx/app-ts' }, { project: 'fx-app-py', extra: 'speed' }],
    'version-ranges': [{ project: '@fx/app-ts' }, { project: 'fx-app-py' }],
    'feature-detection': [{ project: '@fx/app-ts' }, { project: 'fx-app-py' }, { project: 'fx-app-py', dependency: 'matplotlib' }],
    phase: [{ project: '@fx/app-ts' }, { project: 'fx-app-py', removeUnused: true }, { project: 'clean-py' }],
  },
});
