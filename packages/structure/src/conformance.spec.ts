import { join } from 'node:path';
import { logger } from '@nx/devkit';
import type { WorkspaceGraph } from '@shipshape/core';
import { describeConformance } from '@shipshape/core/testing';
import { checks } from './checks';

const fixture = join(__dirname, 'checks/__fixtures__');

const ROOTS = [
  'bare-py',
  'bare-ts',
  'complete-py',
  'complete-ts',
  'dynamic-py',
  'flat-py',
  'legacy-py',
  'loose-ts',
  'no-project-py',
  'published-py',
  'published-ts',
  'sloppy-py',
  'sloppy-ts',
  'boundaries-ws/libs/core',
  'boundaries-ws/libs/ui',
  'boundaries-ws/libs/ledger',
  'boundaries-ws/libs/reports',
];

/** What Nx's project graph says of the fixture: ui imports core; published-ts is tagged for the boundary rule. */
const graph: WorkspaceGraph = {
  projects: ROOTS.map((root) => ({ name: root.split('/').pop()!, root, tags: root === 'published-ts' ? ['scope:published'] : [] })),
  dependencies: { ...Object.fromEntries(ROOTS.map((root) => [root.split('/').pop()!, []])), ui: ['core'] },
};

// The generators report what they leave to the user; the suite checks what they write.
beforeAll(() => {
  jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
});
afterAll(() => jest.restoreAllMocks());

describeConformance({
  packageRoot: join(__dirname, '..'),
  checks,
  fixture,
  graph,
  checkFixtures: {
    'structure/package-json-metadata': { finds: 'bare-ts', quiet: 'complete-ts' },
    'structure/pyproject-metadata': { finds: 'bare-py', quiet: 'complete-py' },
    'structure/license-expression': { finds: 'sloppy-ts', quiet: 'published-ts' },
    'structure/package-urls': { finds: 'sloppy-ts', quiet: 'published-ts' },
    'structure/package-keywords': { finds: 'sloppy-ts', quiet: 'published-ts' },
    'structure/supported-runtimes': { finds: 'sloppy-ts', quiet: 'published-ts' },
    'structure/side-effects': { finds: 'sloppy-ts', quiet: 'published-ts' },
    'structure/publint': { finds: 'sloppy-ts', quiet: 'published-ts' },
    'structure/star-export-barrel': { finds: 'loose-ts', quiet: 'published-ts' },
    'structure/init-py-exports': { finds: 'flat-py', quiet: 'published-py' },
    'structure/python-layout': { finds: 'flat-py', quiet: 'published-py' },
    'structure/missing-init-py': { finds: 'flat-py', quiet: 'published-py' },
    'structure/python-tests-location': { finds: 'published-py', quiet: 'flat-py' },
    'structure/stray-root-modules': { finds: 'flat-py', quiet: 'published-py' },
    'structure/tracked-build-output': { finds: 'flat-py', quiet: 'published-ts' },
    'structure/entry-point': { finds: 'sloppy-ts', quiet: 'published-ts' },
    'structure/sources-outside-src': { finds: 'loose-ts', quiet: 'boundaries-ws/libs/core' },
    'structure/tests-in-published-output': { finds: 'loose-ts', quiet: 'published-ts' },
    'structure/dead-file': { finds: 'loose-ts', quiet: 'published-ts' },
    'structure/deep-import': { finds: 'boundaries-ws/libs/ui', quiet: 'boundaries-ws/libs/core' },
    'structure/exports-map': { finds: 'loose-ts', quiet: 'published-ts' },
    'structure/wildcard-path-alias': { finds: 'loose-ts', quiet: 'published-ts' },
    'structure/module-boundary-rules': { finds: 'loose-ts', quiet: 'published-ts' },
  },
  generatorRuns: {
    metadata: [{ project: 'bare-ts' }, { project: 'bare-py' }],
    barrels: [{ project: 'loose-ts' }, { project: 'flat-py' }],
    boundaries: [{ project: 'loose-ts' }, { project: 'flat-py', pythonInternal: false }, { project: 'flat-py' }],
    'python-src-layout': [{ project: 'flat-py' }],
    phase: [{ project: 'loose-ts' }, { project: 'flat-py' }],
  },
});
