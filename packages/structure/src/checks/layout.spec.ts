import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { WorkspaceGraph } from '@shipshape/core';
import { findingsOf, projectAt as project, withWorkspace } from '../__fixtures__/checks';
import { EXAMPLES_GRAPH, EXAMPLES_ROOT } from '../__fixtures__/examples';
import deadFile from './dead-file';
import pythonLayout from './python-layout';
import pythonTestsLocation from './python-tests-location';
import sourcesOutsideSrc from './sources-outside-src';
import strayRootModules from './stray-root-modules';
import testsInPublishedOutput from './tests-in-published-output';
import trackedBuildOutput from './tracked-build-output';

describe('structure/python-layout', () => {
  it('reports the flat layout of examples/ledger-py as info, with the generator that moves it', async () => {
    const [finding] = await pythonLayout.run(project(EXAMPLES_ROOT, 'libs/ledger-py'));
    expect(finding).toMatchObject({ file: 'libs/ledger-py/pyproject.toml', line: 8, key: 'flat', severity: 'info' });
    expect(finding.message).toContain('nx g @shipshape/structure:python-src-layout');
  });

  it(
    'stays quiet on a src layout, and warns about a mixed one and a wheel config that names no package',
    withWorkspace(
      {
        'src-py/pyproject.toml': '[project]\nname = "a"\n\n[tool.hatch.build.targets.wheel]\npackages = ["src/a"]\n',
        'src-py/src/a/__init__.py': '',
        'mixed/pyproject.toml': '[project]\nname = "b"\n',
        'mixed/src/b/__init__.py': '',
        'mixed/c/__init__.py': '',
        'wrong/pyproject.toml': '[project]\nname = "d"\n\n[tool.hatch.build.targets.wheel]\npackages = ["d"]\n',
        'wrong/src/d/__init__.py': '',
      },
      async (root) => {
        expect(await pythonLayout.run(project(root, 'src-py'))).toEqual([]);
        expect(await findingsOf(pythonLayout, root, 'mixed')).toEqual(['mixed/pyproject.toml:1 mixed']);
        expect(await findingsOf(pythonLayout, root, 'wrong')).toEqual(['wrong/pyproject.toml:5 wheel-packages:d']);
      },
    ),
  );
});

describe('structure/python-tests-location', () => {
  it(
    'reports tests inside the import package once per folder, and no tests at all as info',
    withWorkspace(
      {
        'inpkg/pyproject.toml': '[project]\nname = "a"\n',
        'inpkg/src/a/__init__.py': '',
        'inpkg/src/a/tests/__init__.py': '',
        'inpkg/src/a/tests/test_core.py': '',
        'inpkg/src/a/core_test.py': '',
        'good/pyproject.toml': '[project]\nname = "b"\n',
        'good/src/b/__init__.py': '',
        'good/tests/test_b.py': '',
      },
      async (root) => {
        expect(await findingsOf(pythonTestsLocation, root, 'inpkg')).toEqual([
          'inpkg/src/a/core_test.py:1 src/a/core_test.py',
          'inpkg/src/a/tests/__init__.py:1 src/a/tests',
        ]);
        expect(await pythonTestsLocation.run(project(root, 'good'))).toEqual([]);
        expect(await findingsOf(pythonTestsLocation, EXAMPLES_ROOT, 'libs/ledger-py')).toEqual([
          'libs/ledger-py/pyproject.toml:1 no-tests',
        ]);
      },
    ),
  );
});

describe('structure/stray-root-modules', () => {
  it(
    'reports the planted scratch.py, not conftest.py nor a declared single-module distribution',
    withWorkspace(
      {
        'one/pyproject.toml': '[project]\nname = "one"\n\n[tool.setuptools]\npy-modules = ["one"]\n',
        'one/one.py': '',
        'one/conftest.py': '',
        'one/notes.py': '',
      },
      async (root) => {
        expect(await findingsOf(strayRootModules, EXAMPLES_ROOT, 'libs/ledger-py')).toEqual(['libs/ledger-py/scratch.py:1 scratch.py']);
        expect(await findingsOf(strayRootModules, root, 'one')).toEqual(['one/notes.py:1 notes.py']);
      },
    ),
  );
});

describe('structure/tracked-build-output', () => {
  it(
    'reports build output committed to git, once per folder, and nothing outside a repository',
    withWorkspace(
      {
        'py/pyproject.toml': '[project]\nname = "py"\n',
        'py/build/lib/py/__init__.py': '',
        'py/build/lib/py/core.py': '',
        'py/py.egg-info/PKG-INFO': '',
        'py/py/__pycache__/core.cpython-311.pyc': '',
        'py/py/core.py': '',
      },
      async (root) => {
        expect(await trackedBuildOutput.run(project(root, 'py'))).toEqual([]);
        execFileSync('git', ['init', '-q'], { cwd: root });
        execFileSync('git', ['add', '-A'], { cwd: root });
        expect(await findingsOf(trackedBuildOutput, root, 'py')).toEqual([
          'py/build/lib/py/__init__.py:1 build/',
          'py/py.egg-info/PKG-INFO:1 py.egg-info/',
          'py/py/__pycache__/core.cpython-311.pyc:1 py/__pycache__/',
        ]);
      },
    ),
  );
});

describe('structure/sources-outside-src', () => {
  it(
    'reports the planted script outside src/, not configs or tests',
    withWorkspace(
      {
        'lib/package.json': '{"name":"lib"}',
        'lib/src/index.ts': 'export {};\n',
        'lib/jest.config.ts': 'export default {};\n',
        'lib/tests/a.spec.ts': '',
        'lib/tools/gen.ts': '',
      },
      async (root) => {
        expect(await findingsOf(sourcesOutsideSrc, EXAMPLES_ROOT, 'libs/money')).toEqual([
          'libs/money/scripts/gen-currencies.ts:1 scripts/gen-currencies.ts',
        ]);
        expect(await findingsOf(sourcesOutsideSrc, root, 'lib')).toEqual(['lib/tools/gen.ts:1 tools/gen.ts']);
      },
    ),
  );
});

describe('structure/tests-in-published-output', () => {
  it(
    'reports a library tsconfig that compiles the spec files, not one that excludes them',
    withWorkspace(
      {
        'a/package.json': '{"name":"a"}',
        'a/tsconfig.lib.json': '{\n  // the build\n  "compilerOptions": { "outDir": "dist" },\n  "include": ["src/**/*.ts"]\n}\n',
        'a/src/index.ts': 'export {};\n',
        'a/src/index.spec.ts': 'export {};\n',
      },
      async (root) => {
        const [finding] = await testsInPublishedOutput.run(project(root, 'a'));
        expect(finding).toMatchObject({ file: 'a/tsconfig.lib.json', line: 4, key: 'tests-compiled' });
        expect(finding.message).toContain('compiles 1 test file (a/src/index.spec.ts) into the build output in a/dist');
        expect(await testsInPublishedOutput.run(project(EXAMPLES_ROOT, 'libs/money'))).toEqual([]);
      },
    ),
  );
});

describe('structure/dead-file', () => {
  it("reports the planted dead file; an internal file another project imports is alive, through Nx's graph", async () => {
    expect(await findingsOf(deadFile, EXAMPLES_ROOT, 'libs/money', EXAMPLES_GRAPH)).toEqual([
      'libs/money/src/legacy-format.ts:1 src/legacy-format.ts',
    ]);
    expect(await deadFile.run(project(EXAMPLES_ROOT, 'libs/invoices', EXAMPLES_GRAPH))).toEqual([]);
  });

  it('counts files other projects import (by package name or path alias) as used only with a project graph', async () => {
    const ws = join(__dirname, '__fixtures__/boundaries-ws');
    const graph: WorkspaceGraph = {
      projects: [
        { name: 'core', root: 'libs/core', tags: [] },
        { name: 'ui', root: 'libs/ui', tags: [] },
      ],
      dependencies: { ui: ['core'] },
    };
    expect(await deadFile.run(project(ws, 'libs/core', graph))).toEqual([]);
    expect(await findingsOf(deadFile, ws, 'libs/core')).toEqual(['libs/core/src/internal/secret.ts:1 src/internal/secret.ts']);
  });

  it('keeps files that only tests use, and follows circular barrels and type-only imports', async () => {
    const fixtures = join(__dirname, '../generators/barrels/__fixtures__');
    expect(await findingsOf(deadFile, fixtures, 'catalog-ts')).toEqual([
      'catalog-ts/src/internal/cache.ts:1 src/internal/cache.ts',
      'catalog-ts/src/render/html.ts:1 src/render/html.ts',
      'catalog-ts/src/render/text.ts:1 src/render/text.ts',
    ]);
  });
});
