import { matchesGlob } from '../../util/glob';

/** Test files, by the conventions of jest, vitest, mocha, node:test and pytest. */
export const TEST_FILE =
  /(^|\/)(__tests__|__mocks__|__fixtures__|__snapshots__)\/|\.(spec|test|e2e)\.[cm]?[jt]sx?$|(^|\/)(test|tests|e2e)\/|(^|\/)test_[^/]*\.py$|_test\.py$|(^|\/)conftest\.py$/;

/** Tool configuration at any level: `jest.config.ts`, `vite.config.mts`, `eslint.config.mjs`, `.eslintrc.js`, ... */
export const CONFIG_FILE = /(^|\/)([\w.-]+\.config|\.[\w-]+rc)\.[cm]?[jt]s$/;

/** Declaration files are types, not modules that run. */
export const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/** Folders of code that never ships: tests, fixtures, scripts, tools, benchmarks, stories, docs, examples. */
const DEV_FOLDER =
  /(^|\/)(__tests__|__mocks__|__fixtures__|__snapshots__|tests?|testing|e2e|specs?|scripts|tools|bench(marks?)?|stories|\.storybook|docs?|examples?|fixtures)\//;
const DEV_TS_FILE =
  /(\.(spec|test|e2e|stories|story|bench)\.[cm]?[jt]sx?$)|((^|\/)[^/]*\.config\.[cm]?[jt]s$)|((^|\/)\.[^/]+\.[cm]?[jt]s$)|((^|\/)(test-setup|setup-?tests|jest\.setup|vitest\.setup|jest\.preset)\.[cm]?[jt]s$)/i;
const DEV_PY_FILE = /((^|\/)test_[^/]*\.py$)|(_test\.py$)|((^|\/)(conftest|noxfile|fabfile|setup|tasks|manage)\.py$)/;

/** Flow's declaration stubs (`x.flow.js`), shipped next to the code for Flow users: types, not modules that run. */
const FLOW_DECLARATION = /\.flow\.[cm]?js$/;

/** Test data: fixture folders (`fixtures/`, `__fixtures__/`, `__testfixtures__/`, `testdata/`) and snapshots, which tests read, not import. */
export const FIXTURE_FILE = /(^|\/)(fixtures?|__fixtures__|__testfixtures__|testdata|test-data|__snapshots__|snapshots)\/|\.snap$/;

/** A project-relative path to a TS/JS source file that belongs to the library itself (not a test, fixture, config or declaration). */
export function isLibrarySource(projectRelative: string): boolean {
  return (
    !TEST_FILE.test(projectRelative) &&
    !FIXTURE_FILE.test(projectRelative) &&
    !CONFIG_FILE.test(projectRelative) &&
    !DECLARATION_FILE.test(projectRelative) &&
    !FLOW_DECLARATION.test(projectRelative)
  );
}

/** Library code ships to users; dev code (tests, configs, scripts, tooling) does not. */
export type SourceRole = 'runtime' | 'dev';

/**
 * Whether a TS/JS file (project-relative) ships: tests, configs, scripts and everything outside `src/` (when
 * there is one) are dev; so are files matching the user's `devFiles` globs.
 */
export function typescriptRole(relative: string, layout: { hasSrc: boolean; devFiles: readonly string[] }): SourceRole {
  if (DEV_FOLDER.test(relative) || DEV_TS_FILE.test(relative)) return 'dev';
  if (layout.devFiles.some((glob) => matchesGlob(relative, glob))) return 'dev';
  if (layout.hasSrc && !relative.startsWith('src/')) return 'dev';
  return 'runtime';
}

/** Whether a Python file (project-relative) is part of the distribution's packages (`importNames`) or tests/tooling. */
export function pythonRole(
  relative: string,
  layout: { importNames: ReadonlySet<string>; devFiles: readonly string[]; sourceDir?: string },
): SourceRole {
  if (DEV_FOLDER.test(relative) || DEV_PY_FILE.test(relative)) return 'dev';
  if (layout.devFiles.some((glob) => matchesGlob(relative, glob))) return 'dev';
  const sourceDir = `${layout.sourceDir ?? 'src'}/`;
  const inside = relative.startsWith(sourceDir) ? relative.slice(sourceDir.length) : relative;
  return layout.importNames.has(inside.split('/')[0].replace(/\.py$/, '')) ? 'runtime' : 'dev';
}
