import type { Check } from '@shipshape/core';
import { findingsOf, json, projectAt, sharedWorkspace } from '../__fixtures__/checks';
import deadFile from './dead-file';
import entryPoint from './entry-point';
import initPyExports from './init-py-exports';
import licenseExpression from './license-expression';
import missingInitPy from './missing-init-py';
import packageJsonMetadata from './package-json-metadata';
import packageKeywords from './package-keywords';
import packageUrls from './package-urls';
import pyprojectMetadata from './pyproject-metadata';
import pythonLayout from './python-layout';
import sideEffects from './side-effects';
import sourcesOutsideSrc from './sources-outside-src';
import starExportBarrel from './star-export-barrel';
import supportedRuntimes from './supported-runtimes';
import testsInPublishedOutput from './tests-in-published-output';

const code = (text = 'export const x = 1;\n') => text;
const repository = { type: 'git', url: 'git+https://github.com/acme/kit.git', directory: 'packages/x' };

/**
 * Each project has the shape of a real package these checks were wrong about (issue 10): tsdown and vite
 * library builds that are not built yet, a published tarball with its build output and no build config,
 * private and CLI packages, Poetry and setuptools package-dir layouts. None of them is anybody's code.
 */
const root = sharedWorkspace({
  'package.json': json({ name: 'kit', private: true, workspaces: ['packages/*'], devDependencies: { tsdown: '0.15.0', vite: '7.0.0' } }),
  // A tsdown build with several entries and renamed extensions, not built yet; a plain-JS bin shipped as it is.
  'packages/client/package.json': json({
    name: '@acme/client',
    version: '1.0.0',
    type: 'module',
    repository,
    main: './dist/index.cjs',
    module: './dist/index.mjs',
    bin: { intent: './bin/intent.js' },
    files: ['dist', 'src', 'bin'],
    scripts: { build: 'tsdown' },
    exports: {
      '.': {
        import: { types: './dist/index.d.mts', default: './dist/index.mjs' },
        require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
      },
      './links/*': { import: './dist/links/*.mjs' },
    },
    dependencies: { '@acme/core': '1.0.0' },
  }),
  'packages/client/tsdown.config.ts':
    "export default defineConfig({ entry: ['src/index.ts', 'src/links/http.ts'], format: ['esm', 'cjs'] });\n",
  'packages/client/tsconfig.build.json': json({ compilerOptions: { declarationDir: 'dist' }, include: ['src'] }),
  'packages/client/bin/intent.js': "#!/usr/bin/env node\nconsole.log('intent');\n",
  'packages/client/src/index.ts':
    "export * from '@acme/core';\nexport * from './api';\nexport * from './client';\nexport { isObject } from '@acme/client/vendor/is-object';\n",
  'packages/client/src/api.ts':
    "export { createClient } from './client';\nexport { http } from './links/http';\nexport type { Options } from './options';\n",
  'packages/client/src/client.ts': code('export function createClient() { return {}; }\n'),
  'packages/client/src/options.ts': code('export interface Options { url: string }\n'),
  'packages/client/src/links/http.ts': code(),
  'packages/client/src/links/ws.ts': code("import { decode } from './decode';\nexport const ws = decode;\n"),
  'packages/client/src/links/decode.ts': code('export const decode = 1;\n'),
  'packages/client/src/links/decode.browser.ts': code('export const decode = 2;\n'),
  'packages/client/src/vendor/is-object.ts': code('export const isObject = (v: unknown) => typeof v === "object";\n'),
  'packages/client/src/unused.ts': code('export const unused = 1;\n'),
  'packages/client/src/__tests__/server.ts': code("import '../unused-by-tests';\n"),
  'packages/client/src/unused-by-tests.ts': code(),
  'packages/client/src/__fixtures__/router.ts': code(),
  'packages/client/scripts/release.ts': code(),
  // A sibling the client re-exports whole: its API on purpose.
  'packages/core/package.json': json({ name: '@acme/core', version: '1.0.0', main: 'src/index.ts', repository }),
  'packages/core/src/index.ts': code(),
  // A published tarball: outputs in build/ and dist/ next to src/, no build config; the bundle is named after the package.
  'packages/tarball/package.json': json({
    name: 'tarball',
    version: '2.0.0',
    main: 'build/legacy/index.cjs',
    module: 'dist/tarball.legacy-esm.js',
    types: 'build/legacy/index.d.ts',
    repository: 'https://gitlab.com/acme/tarball',
    scripts: { build: 'tsup', 'build:flow': 'cp src/tarball.flow.js dist/' },
    sideEffects: false,
  }),
  'packages/tarball/build/legacy/index.cjs':
    "'use strict';\nObject.defineProperty(exports, '__esModule', { value: true });\nexports.x = 1;\n",
  'packages/tarball/build/legacy/index.d.ts': 'export declare const x = 1;\n',
  'packages/tarball/build/legacy/chunk-A1.js': 'export const y = 2;\n',
  'packages/tarball/dist/tarball.legacy-esm.js': 'export const x = 1;\n',
  'packages/tarball/src/index.ts': code(),
  'packages/tarball/src/errors.ts': code('export const format = (code: number) => `#${code}`;\n'),
  'packages/tarball/src/tarball.flow.js': '// @flow\ndeclare export var x: number;\n',
  // A vite library preset with format folders; its barrel re-exports a curated list.
  'packages/forms/package.json': json({
    name: '@acme/forms',
    version: '1.0.0',
    repository,
    main: 'dist/cjs/index.cjs',
    module: 'dist/esm/index.js',
    types: 'dist/esm/index.d.ts',
    scripts: { build: 'vite build' },
  }),
  'packages/forms/vite.config.ts':
    "export default mergeConfig(config, tanstackViteConfig({ entry: './src/index.ts', srcDir: './src' }));\n",
  'packages/forms/src/index.ts': "export * from './public';\nexport * from './field';\n",
  'packages/forms/src/public.ts':
    "export { useForm } from './form';\nexport { useField } from './field';\nexport type { FormState } from './form';\n",
  'packages/forms/src/form.ts': code(
    'import { readFileSync } from "node:fs";\nexport const useForm = readFileSync;\nexport type FormState = {};\n',
  ),
  'packages/forms/src/field.ts': code('export const useField = 1;\nexport const internalHelper = 2;\n'),
  // A private test-only package and a CLI.
  'packages/tests/package.json': json({ name: '@acme/tests', private: true, devDependencies: { vitest: '3.0.0' } }),
  'packages/tests/server/helpers.ts': code(),
  'packages/cli/package.json': json({
    name: '@acme/cli',
    version: '1.0.0',
    description: 'A codemod',
    license: 'MIT',
    repository,
    type: 'module',
    bin: './dist/bin.js',
    files: ['dist'],
    exports: { './transforms/rename': { require: './dist/transforms/rename.cjs' } },
  }),
  'packages/cli/tsdown.config.ts':
    "export default defineConfig([{ entry: { bin: './src/bin.ts' } }, { entry: { 'transforms/rename': './src/transforms/rename.ts' }, format: 'cjs' }]);\n",
  'packages/cli/src/bin.ts': code('console.log(process.argv);\n'),
  'packages/cli/src/transforms/rename.ts': code(),
  // A package whose exports map nests its "types" conditions.
  'packages/nested/package.json': json({
    name: 'nested',
    version: '1.0.0',
    description: 'Nested',
    license: 'MIT',
    repository,
    exports: {
      '.': {
        require: { types: './lib/index.d.cts', default: './lib/index.cjs' },
        default: { types: './lib/index.d.mts', default: './lib/index.mjs' },
      },
      './worker': './lib/worker-entry.mjs',
    },
    scripts: { build: 'tsdown' },
  }),
  'packages/nested/src/index.ts': code(),
  // Python: Poetry metadata, setuptools' package-dir, a private distribution, star imports of modules with and without __all__.
  'python/poetry/pyproject.toml': [
    '[tool.poetry]',
    'name = "rich-text"',
    'version = "1.0.0"',
    'description = "Rich text"',
    'authors = ["Ada <ada@acme.test>"]',
    'license = "MIT"',
    'readme = "README.md"',
    'homepage = "https://acme.test"',
    '',
    '[build-system]',
    'requires = ["poetry-core"]',
    'build-backend = "poetry.core.masonry.api"',
  ].join('\n'),
  'python/poetry/rich_text/__init__.py': '',
  'python/poetry/rich_text/_unicode/__init__.py':
    'from functools import cache\nfrom ._versions import VERSIONS\n\ndef load(v):\n    return VERSIONS[v]\n',
  'python/poetry/rich_text/_unicode/_versions.py': 'VERSIONS = {}\n',
  'python/yaml/pyproject.toml':
    '[project]\nname = "yamlish"\nversion = "6.0"\nlicense = "MIT"\nclassifiers = ["License :: OSI Approved :: MIT License"]\n\n[tool.setuptools]\npackage-dir = { "" = "lib" }\n',
  'python/yaml/lib/yamlish/__init__.py': 'from .error import *\nfrom .tokens import *\n\n__all__ = ["YAMLError", "Token"]\n',
  'python/yaml/lib/yamlish/error.py': '__all__ = ["YAMLError"]\nimport sys\n\nclass YAMLError(Exception):\n    pass\n',
  'python/yaml/lib/yamlish/tokens.py': 'class Token:\n    pass\n',
  'python/internal/pyproject.toml':
    '[project]\nname = "internal-tool"\nversion = "0.1.0"\nclassifiers = ["Private :: Do Not Upload"]\n\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n',
  'python/internal/src/internal_tool/__init__.py': '',
});

/** What each check must not report, and why: the false positives of issue 10, one real shape each. */
const QUIET: Array<[Check, string, string[]]> = [
  [
    entryPoint,
    'tsdown and vite library builds not built yet, a CLI with a bin, a private test package',
    ['packages/client', 'packages/forms', 'packages/cli', 'packages/tests'],
  ],
  [deadFile, 'entries mapped only by a bundle named after the package prove nothing', ['packages/tarball']],
  [sourcesOutsideSrc, 'build outputs, built or not, are never sources', ['packages/tarball']],
  [packageUrls, 'npm derives homepage and bugs from a repository on GitHub or GitLab', ['packages/client', 'packages/tarball']],
  [packageKeywords, 'a private package is never searched for', ['packages/tests']],
  [
    packageJsonMetadata,
    'private: the name only; nested types conditions; a CLI publishes no types',
    ['packages/tests', 'packages/nested', 'packages/cli'],
  ],
  [supportedRuntimes, 'a browser library runs on no particular Node.js, even with a helper bin', ['packages/tarball', 'packages/client']],
  [sideEffects, 'a CLI with CommonJS transforms, a private package', ['packages/cli', 'packages/tests']],
  [testsInPublishedOutput, 'tsdown emits what its entries reach, whatever the tsconfig includes', ['packages/client']],
  [pyprojectMetadata, "complete Poetry metadata; a private distribution's name and version", ['python/poetry', 'python/internal']],
  [initPyExports, 'an underscore-private package states no public API', ['python/poetry']],
  [pythonLayout, "setuptools' package-dir is the src layout's folder", ['python/yaml']],
  [missingInitPy, 'lib/ of package-dir is no package', ['python/yaml']],
];

/** What each check still reports on the same shapes: the true findings. */
const FINDS: Array<[Check, string, string[]]> = [
  // Not a wildcard export, a self-import, a platform variant, a test's import or a fixture: nothing reaches it.
  [deadFile, 'packages/client', ['packages/client/src/unused.ts:1 src/unused.ts']],
  // A stray script, not the shipped plain-JS bin nor the fixtures.
  [sourcesOutsideSrc, 'packages/client', ['packages/client/scripts/release.ts:1 scripts/release.ts']],
  // A module's own exports, not a whole sibling package nor a curated barrel.
  [starExportBarrel, 'packages/client', ['packages/client/src/index.ts:3 star:./client']],
  [starExportBarrel, 'packages/forms', ['packages/forms/src/index.ts:2 star:./field']],
  // An output a build would write and nothing maps to a source: "not built yet".
  [entryPoint, 'packages/nested', ['packages/nested/package.json:22 missing:exports../worker']],
  // Library code that imports node:fs runs on Node.js.
  [supportedRuntimes, 'packages/forms', ['packages/forms/package.json:1 engines.node']],
  // A command-line tool runs on Node.js.
  [supportedRuntimes, 'packages/cli', ['packages/cli/package.json:1 engines.node']],
  // A star import of a module without __all__, not the one of a module with __all__.
  [initPyExports, 'python/yaml', ['python/yaml/lib/yamlish/__init__.py:2 star:.tokens']],
];

describe('structure checks on real code shapes (issue 10)', () => {
  it.each(QUIET.flatMap(([check, why, projects]) => projects.map((project) => [check.id, project, why, check] as const)))(
    '%s stays quiet on %s (%s)',
    async (_id, project, _why, check) => {
      expect(await findingsOf(check, root, project)).toEqual([]);
    },
  );

  it.each(FINDS.map(([check, project, expected]) => [check.id, project, expected, check] as const))(
    '%s on %s',
    async (_id, project, expected, check) => {
      expect(await findingsOf(check, root, project)).toEqual(expected);
    },
  );

  it('says "not built yet" at info when a build would write an entry it cannot map, and why sideEffects: false is safe', async () => {
    const [notBuilt] = await entryPoint.run(projectAt(root, 'packages/nested'));
    expect(notBuilt).toMatchObject({ severity: 'info', message: expect.stringContaining('which is not built yet') });
    const [effects] = await sideEffects.run(projectAt(root, 'packages/client'));
    expect(effects).toMatchObject({
      key: 'sideEffects',
      message: expect.stringContaining('no module of the library runs code when loaded'),
    });
    const [engines] = await supportedRuntimes.run(projectAt(root, 'packages/forms'));
    expect(engines).toMatchObject({ severity: 'info', message: expect.stringContaining('packages/forms/src/form.ts:1 imports "node:fs"') });
  });

  it('says what PEP 639 says: build tools may refuse a license expression next to License classifiers', async () => {
    const [finding] = await licenseExpression.run(projectAt(root, 'python/yaml'));
    expect(finding.message).toContain('lets build tools refuse the combination');
    expect(finding.message).not.toContain('must reject');
  });
});
