import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { TargetConfiguration } from '@nx/devkit';
import { guardTarget } from '@shipshape/core/plugin';
import { pythonVersionsInput } from '../python-versions-input';

/** The executor the inferred `api` target runs. */
export const API_REPORT_EXECUTOR = '@shipshape/api:api-report';

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as unknown;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The `types` (and `.d.ts`) targets of a package.json: the declaration files the report may read. */
function declarationTargets(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') {
    if (/\.d\.[cm]?ts$/.test(node)) out.push(node);
  } else if (Array.isArray(node)) node.forEach((n) => declarationTargets(n, out));
  else if (node && typeof node === 'object') for (const value of Object.values(node)) declarationTargets(value, out);
  return out;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NOT_PACKAGES = new Set([
  'tests',
  'test',
  'testing',
  'docs',
  'examples',
  'example',
  'scripts',
  'benchmarks',
  'node_modules',
  'build',
  'dist',
]);

function hasPythonPackage(dir: string): boolean {
  const packagesIn = (folder: string) => {
    try {
      return readdirSync(folder, { withFileTypes: true }).some(
        (d) =>
          d.isDirectory() &&
          IDENTIFIER.test(d.name) &&
          !d.name.startsWith('_') &&
          !NOT_PACKAGES.has(d.name) &&
          existsSync(join(folder, d.name, '__init__.py')),
      );
    } catch {
      return false;
    }
  };
  return packagesIn(join(dir, 'src')) || packagesIn(dir);
}

/**
 * The inferred `api` target of a project, or undefined when it has no public entry to report: a TypeScript
 * package that is published (not `"private": true`) with an exports map, `types` or `main`; a Python project
 * with an import package. Cached: its inputs are the sources, the tsconfig files, the manifest, the committed
 * reports and the declaration files the exports map names (the build's output: the target runs after the
 * project's own `build` when there is one), for Python the interpreter and griffe's version; its output is the
 * JSON of the comparison (and the new reports when they differ) under reports/shipshape/<root>/.
 */
export function apiReportTarget(root: string, language: 'typescript' | 'python', workspaceRoot: string): TargetConfiguration | undefined {
  const dir = join(workspaceRoot, root);
  const outputs = [`{workspaceRoot}/reports/shipshape/{projectRoot}/api.json`, `{workspaceRoot}/reports/shipshape/{projectRoot}/api`];
  const committed = ['{projectRoot}/api/*.api.md'];
  if (language === 'typescript') {
    const manifest = readJson(join(dir, 'package.json'));
    if (!manifest || manifest.private === true || typeof manifest.name !== 'string') return undefined;
    if (manifest.exports === undefined && manifest.types === undefined && manifest.typings === undefined && manifest.main === undefined)
      return undefined;
    const declarations = [
      ...new Set(declarationTargets([manifest.exports, manifest.types, manifest.typings]).map((t) => posix.dirname(posix.normalize(t)))),
    ]
      .filter((d) => !d.startsWith('..'))
      .map((d) => `{projectRoot}/${d === '.' ? '' : `${d}/`}**/*.d.{ts,mts,cts}`);
    const target = guardTarget({
      executor: API_REPORT_EXECUTOR,
      description:
        'The committed API reports (api-extractor, one per exports entry) match the code; fails with the semver class of the difference',
      inputs: [
        '{projectRoot}/**/*.{ts,tsx,mts,cts}',
        '!{projectRoot}/**/*.{spec,test}.{ts,tsx,mts,cts}',
        '!{projectRoot}/node_modules/**/*',
        ...declarations,
        '{projectRoot}/package.json',
        '{projectRoot}/tsconfig*.json',
        '{workspaceRoot}/tsconfig.base.json',
        ...committed,
      ],
      outputs,
      externalDependencies: ['@shipshape/api', 'typescript'],
      workspaceRoot,
    });
    return declarations.length ? { ...target, dependsOn: ['build'] } : target;
  }
  if (!hasPythonPackage(dir)) return undefined;
  return guardTarget({
    executor: API_REPORT_EXECUTOR,
    description: 'The committed API reports (griffe, one per import package) match the code; fails with the semver class of the difference',
    inputs: [
      '{projectRoot}/**/*.{py,pyi}',
      '!{projectRoot}/**/test_*.py',
      '!{projectRoot}/tests/**/*',
      '{projectRoot}/pyproject.toml',
      ...committed,
      { env: 'SHIPSHAPE_PYTHON' },
      pythonVersionsInput(['griffe']),
    ],
    outputs,
    externalDependencies: ['@shipshape/api'],
    workspaceRoot,
  });
}
