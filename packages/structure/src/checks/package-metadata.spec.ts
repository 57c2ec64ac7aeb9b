import { join } from 'node:path';
import type { Check, FindingInput } from '@shipshape/core';
import { findingsOf, projectAt } from '../__fixtures__/checks';
import licenseExpression from './license-expression';
import packageKeywords from './package-keywords';
import packageUrls from './package-urls';
import publint from './publint';
import sideEffects from './side-effects';
import supportedRuntimes from './supported-runtimes';

const fixtures = join(__dirname, '__fixtures__');
const run = async (check: Check, name: string): Promise<FindingInput[]> => check.run(projectAt(fixtures, name));

const CASES: Array<[Check, string, string[]]> = [
  // Valid SPDX expressions (with OR and license-files); a misspelt identifier; deprecated ones and License classifiers next to an expression; the pre-PEP 639 table.
  [licenseExpression, 'published-ts', []],
  [licenseExpression, 'published-py', []],
  [licenseExpression, 'sloppy-ts', ['sloppy-ts/package.json:5 license']],
  [licenseExpression, 'sloppy-py', ['sloppy-py/pyproject.toml:11 project.license', 'sloppy-py/pyproject.toml:13 license-classifiers']],
  [licenseExpression, 'legacy-py', ['legacy-py/pyproject.toml:7 project.license']],
  // homepage, bugs and the well-known [project.urls] labels (aliases included); a homepage that is no URL; missing labels and values that are no URLs.
  [packageUrls, 'published-ts', []],
  [packageUrls, 'published-py', []],
  [packageUrls, 'legacy-py', []],
  [packageUrls, 'sloppy-ts', ['sloppy-ts/package.json:6 homepage', 'sloppy-ts/package.json:1 bugs']],
  [
    packageUrls,
    'sloppy-py',
    ['sloppy-py/pyproject.toml:20 homepage', 'sloppy-py/pyproject.toml:20 issues', 'sloppy-py/pyproject.toml:22 url:Source'],
  ],
  // Empty or missing keywords.
  [packageKeywords, 'published-ts', []],
  [packageKeywords, 'published-py', []],
  [packageKeywords, 'sloppy-ts', ['sloppy-ts/package.json:7 keywords']],
  [packageKeywords, 'sloppy-py', ['sloppy-py/pyproject.toml:5 keywords']],
  // A valid engines range and classifiers that agree with requires-python; engines.node that is no range; requires-python that is no PEP 440.
  [supportedRuntimes, 'published-ts', []],
  [supportedRuntimes, 'published-py', []],
  [supportedRuntimes, 'sloppy-ts', ['sloppy-ts/package.json:8 engines.node']],
  [
    supportedRuntimes,
    'sloppy-py',
    ['sloppy-py/pyproject.toml:13 classifiers-excluded', 'sloppy-py/pyproject.toml:10 requires-python-below-classifiers'],
  ],
  [supportedRuntimes, 'legacy-py', ['legacy-py/pyproject.toml:6 project.requires-python']],
  [sideEffects, 'published-ts', []],
];

describe('package metadata checks on the fixtures', () => {
  it.each(CASES.map(([check, fixture, expected]) => [check.id, fixture, expected, check] as const))(
    '%s on %s',
    async (_id, fixture, expected, check) => {
      expect(await findingsOf(check, fixtures, fixture)).toEqual(expected);
    },
  );

  it('suggests the canonical spelling of a misspelt license and the replacement of a deprecated one', async () => {
    expect((await run(licenseExpression, 'sloppy-ts'))[0].message).toContain('did you mean "GPL-2.0+ OR MIT"?');
    expect((await run(licenseExpression, 'sloppy-py'))[0].message).toContain('"GPL-2.0" is now "GPL-2.0-only"');
  });

  it('offers the metadata generator for a missing field, not for a wrong value', async () => {
    const [homepage, bugs] = await run(packageUrls, 'sloppy-ts');
    expect(homepage.fix).toBeUndefined();
    expect(bugs.fix).toMatchObject({ generator: '@shipshape/structure:metadata', options: { project: 'sloppy-ts' } });
  });

  it('names the Python versions the classifiers and requires-python disagree on', async () => {
    const [excluded, below] = await run(supportedRuntimes, 'sloppy-py');
    expect(excluded.message).toContain('Python 2.7');
    expect(below.message).toContain('3.8, 3.9');
  });

  it('names the modules that run code at load time instead of proposing sideEffects: false', async () => {
    const [finding] = await run(sideEffects, 'sloppy-ts');
    expect(finding.message).toContain('sloppy-ts/src/index.ts:1');
    expect(finding.message).toContain('sloppy-ts/src/polyfill.ts:2');
    expect(finding.fix).toBeUndefined();
  });
});

describe('structure/publint', () => {
  it('stays quiet on a well-packaged, built package', async () => {
    expect(await run(publint, 'published-ts')).toEqual([]);
  }, 60_000);

  it('folds publint messages into findings at their package.json field, not-yet-built outputs aside', async () => {
    const findings = await run(publint, 'sloppy-ts');
    const byKey = Object.fromEntries(findings.map((f) => [f.key, f]));
    expect(byKey['EXPORTS_TYPES_SHOULD_BE_FIRST:exports...types']).toMatchObject({ line: 12, severity: 'error' });
    // Missing entry points are structure/entry-point's: it tells ./lib/index.js (built from src/index.ts) from ./lib/render/pdf.js.
    expect(findings.map((f) => f.key).filter((k) => k?.startsWith('FILE_DOES_NOT_EXIST'))).toEqual([]);
    expect(findings.map((f) => f.key)).not.toContain('USE_ENGINES_NODE:name');
  }, 60_000);
});
