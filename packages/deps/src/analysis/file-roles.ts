import { matchesGlob } from '@shipshape/core';
import type { UseRole } from './model';

const DEV_FOLDER = /(^|\/)(__tests__|__mocks__|__fixtures__|__snapshots__|tests?|testing|e2e|specs?|scripts|tools|bench(marks?)?|stories|\.storybook|docs?|examples?|fixtures)\//;
const DEV_TS_FILE =
  /(\.(spec|test|e2e|stories|story|bench)\.[cm]?[jt]sx?$)|((^|\/)[^/]*\.config\.[cm]?[jt]s$)|((^|\/)\.[^/]+\.[cm]?[jt]s$)|((^|\/)(test-setup|setup-?tests|jest\.setup|vitest\.setup|jest\.preset)\.[cm]?[jt]s$)/i;
const DEV_PY_FILE = /((^|\/)test_[^/]*\.py$)|(_test\.py$)|((^|\/)(conftest|noxfile|fabfile|setup|tasks|manage)\.py$)/;

/**
 * Whether a TS/JS file is library code or tests/tooling, from its project-relative path: tests, configs,
 * scripts and everything outside `src/` (when there is one) are dev; so are files matching `devFiles`.
 */
export function typescriptFileRole(relative: string, layout: { hasSrc: boolean; devFiles: readonly string[] }): UseRole {
  if (DEV_FOLDER.test(relative) || DEV_TS_FILE.test(relative)) return 'dev';
  if (layout.devFiles.some((glob) => matchesGlob(relative, glob))) return 'dev';
  if (layout.hasSrc && !relative.startsWith('src/')) return 'dev';
  return 'runtime';
}

/**
 * Whether a Python file is part of the distribution's packages (`packages`: top-level import names found
 * at the project root or under `src/`) or tests/tooling.
 */
export function pythonFileRole(relative: string, layout: { packages: ReadonlySet<string>; devFiles: readonly string[] }): UseRole {
  if (DEV_FOLDER.test(relative) || DEV_PY_FILE.test(relative)) return 'dev';
  if (layout.devFiles.some((glob) => matchesGlob(relative, glob))) return 'dev';
  const inside = relative.startsWith('src/') ? relative.slice(4) : relative;
  const top = inside.split('/')[0].replace(/\.py$/, '');
  return layout.packages.has(top) ? 'runtime' : 'dev';
}
