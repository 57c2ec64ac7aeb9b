import { join } from 'node:path';
import type { Check, FindingInput } from '@shipshape/core';
import { diskProject } from '@shipshape/core/testing';
import licenseExpression from './license-expression';
import packageKeywords from './package-keywords';
import packageUrls from './package-urls';
import publint from './publint';
import sideEffects from './side-effects';
import supportedRuntimes from './supported-runtimes';

const fixtures = join(__dirname, '__fixtures__');
const project = (name: string) => diskProject(fixtures, name, { name });
const run = async (check: Check, name: string): Promise<FindingInput[]> => check.run(project(name));
const summary = (findings: FindingInput[]) => findings.map((f) => `${f.file}:${f.line} ${f.key}`);

describe('structure/license-expression', () => {
  it('accepts valid SPDX expressions, with OR and license-files', async () => {
    expect(await run(licenseExpression, 'published-ts')).toEqual([]);
    expect(await run(licenseExpression, 'published-py')).toEqual([]);
  });

  it('rejects a misspelt identifier and suggests the canonical spelling', async () => {
    const [finding] = await run(licenseExpression, 'sloppy-ts');
    expect(finding).toMatchObject({ file: 'sloppy-ts/package.json', line: 5, key: 'license' });
    expect(finding.message).toContain('did you mean "GPL-2.0+ OR MIT"?');
  });

  it('reports deprecated identifiers with their replacement, and License classifiers next to an expression (PEP 639)', async () => {
    const findings = await run(licenseExpression, 'sloppy-py');
    expect(summary(findings)).toEqual(['sloppy-py/pyproject.toml:11 project.license', 'sloppy-py/pyproject.toml:13 license-classifiers']);
    expect(findings[0].message).toContain('"GPL-2.0" is now "GPL-2.0-only"');
  });

  it('reports the pre-PEP 639 license table', async () => {
    expect(summary(await run(licenseExpression, 'legacy-py'))).toEqual(['legacy-py/pyproject.toml:7 project.license']);
  });
});

describe('structure/package-urls', () => {
  it('stays quiet when homepage, bugs and the well-known [project.urls] labels are there (aliases included)', async () => {
    expect(await run(packageUrls, 'published-ts')).toEqual([]);
    expect(await run(packageUrls, 'published-py')).toEqual([]);
    expect(await run(packageUrls, 'legacy-py')).toEqual([]);
  });

  it('reports a homepage that is not a URL and a missing bugs field, the latter fixable', async () => {
    const findings = await run(packageUrls, 'sloppy-ts');
    expect(summary(findings)).toEqual(['sloppy-ts/package.json:6 homepage', 'sloppy-ts/package.json:1 bugs']);
    expect(findings[0].fix).toBeUndefined();
    expect(findings[1].fix).toMatchObject({ generator: '@shipshape/structure:metadata', options: { project: 'sloppy-ts' } });
  });

  it('reports missing well-known labels and values that are not URLs', async () => {
    expect(summary(await run(packageUrls, 'sloppy-py'))).toEqual([
      'sloppy-py/pyproject.toml:20 homepage',
      'sloppy-py/pyproject.toml:20 issues',
      'sloppy-py/pyproject.toml:22 url:Source',
    ]);
  });
});

describe('structure/package-keywords', () => {
  it('reports empty or missing keywords and stays quiet when there are some', async () => {
    expect(await run(packageKeywords, 'published-ts')).toEqual([]);
    expect(await run(packageKeywords, 'published-py')).toEqual([]);
    expect(summary(await run(packageKeywords, 'sloppy-ts'))).toEqual(['sloppy-ts/package.json:7 keywords']);
    expect(summary(await run(packageKeywords, 'sloppy-py'))).toEqual(['sloppy-py/pyproject.toml:5 keywords']);
  });
});

describe('structure/supported-runtimes', () => {
  it('stays quiet on a valid engines range and classifiers that agree with requires-python', async () => {
    expect(await run(supportedRuntimes, 'published-ts')).toEqual([]);
    expect(await run(supportedRuntimes, 'published-py')).toEqual([]);
  });

  it('reports an engines.node that is not a semver range', async () => {
    expect(summary(await run(supportedRuntimes, 'sloppy-ts'))).toEqual(['sloppy-ts/package.json:8 engines.node']);
  });

  it('reports classifiers outside requires-python and allowed versions the classifiers do not list', async () => {
    const findings = await run(supportedRuntimes, 'sloppy-py');
    expect(summary(findings)).toEqual([
      'sloppy-py/pyproject.toml:13 classifiers-excluded',
      'sloppy-py/pyproject.toml:10 requires-python-below-classifiers',
    ]);
    expect(findings[0].message).toContain('Python 2.7');
    expect(findings[1].message).toContain('3.8, 3.9');
  });

  it('reports a requires-python that is not PEP 440', async () => {
    expect(summary(await run(supportedRuntimes, 'legacy-py'))).toEqual(['legacy-py/pyproject.toml:6 project.requires-python']);
  });
});

describe('structure/side-effects', () => {
  it('stays quiet when sideEffects is declared', async () => {
    expect(await run(sideEffects, 'published-ts')).toEqual([]);
  });

  it('names the modules that run code at load time instead of proposing false', async () => {
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
