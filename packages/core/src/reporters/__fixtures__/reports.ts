import type { AuditReport, ReportedCheck } from '../../audit/report';

const tool = { name: 'shipshape', version: '0.1.0' } as const;
const workspaceRoot = '/home/ci/acme';

const licenseCheck: ReportedCheck = {
  id: 'structure/package-metadata',
  title: 'package.json has the metadata a published package needs',
  planItem: 'structure/package-metadata',
  severity: 'error',
  languages: ['typescript'],
  fixedBy: '@shipshape/structure:metadata',
  description: 'A published package needs a license, a repository and a description.',
};
const unusedDependency: ReportedCheck = {
  id: 'deps/unused-dependency',
  title: 'Every declared dependency is imported',
  planItem: 'deps/categorize',
  severity: 'warning',
  languages: ['typescript', 'python'],
  fixedBy: '@shipshape/deps:categorize',
};
const exportStar: ReportedCheck = {
  id: 'api/no-export-star',
  title: 'Entry points name their exports',
  planItem: 'api/explicit-exports',
  severity: 'warning',
  languages: ['typescript'],
  fixedBy: '@shipshape/api:explicit-exports',
};
const missingInit: ReportedCheck = {
  id: 'structure/missing-init-py',
  title: 'Every package directory has an __init__.py',
  planItem: 'structure/barrels',
  severity: 'warning',
  languages: ['python'],
  fixedBy: '@shipshape/structure:barrels',
};
const typeHints: ReportedCheck = {
  id: 'api/missing-type-hints',
  title: 'Public functions have type hints',
  planItem: 'api/type-annotations',
  severity: 'info',
  languages: ['python'],
};

/** A TypeScript library that fails its gate: one new error, a baselined warning, a `|` and `<T>` in a message. */
export function tsLibReport(): AuditReport {
  return {
    schemaVersion: 1,
    tool,
    workspaceRoot,
    project: { name: 'ts-lib', root: 'libs/ts-lib', languages: ['typescript'] },
    checks: [licenseCheck, unusedDependency, exportStar],
    findings: [
      {
        checkId: 'api/no-export-star',
        severity: 'warning',
        message: "Replace `export *` from './a' | './b' with named exports of Result<T>",
        project: 'ts-lib',
        file: 'libs/ts-lib/src/index.ts',
        line: 3,
        column: 1,
        fingerprint: '5b0c7e2a91d34f6e8a1b2c3d',
        planItem: 'api/explicit-exports',
        status: 'new',
      },
      {
        checkId: 'structure/package-metadata',
        severity: 'error',
        message: 'package.json has no "license" field',
        project: 'ts-lib',
        file: 'libs/ts-lib/package.json',
        line: 0,
        column: 0,
        fingerprint: '0f9e8d7c6b5a493827161504',
        planItem: 'structure/package-metadata',
        status: 'new',
        fix: { generator: '@shipshape/structure:metadata', options: { field: 'license' } },
      },
      {
        checkId: 'deps/unused-dependency',
        severity: 'warning',
        message: '"lodash" is declared in dependencies but never imported',
        project: 'ts-lib',
        file: 'libs/ts-lib/package.json',
        line: 12,
        column: 5,
        fingerprint: 'aa11bb22cc33dd44ee55ff66',
        planItem: 'deps/categorize',
        status: 'baseline',
        fix: { generator: '@shipshape/deps:categorize', options: { dependency: 'lodash' } },
      },
    ],
    problems: [],
    summary: {
      total: 3,
      new: 2,
      baseline: 1,
      ignored: 0,
      fixedSinceBaseline: 1,
      bySeverity: { info: 0, warning: 2, error: 1 },
      failOn: 'error',
      gate: 'failed',
      passed: false,
    },
  };
}

/** A Python library that passes: a baselined whole-file finding, a new info finding and an ignored one. */
export function pyLibReport(): AuditReport {
  return {
    schemaVersion: 1,
    tool,
    workspaceRoot,
    project: { name: 'py-lib', root: 'libs/py-lib', languages: ['python'] },
    checks: [missingInit, typeHints, unusedDependency],
    findings: [
      {
        checkId: 'api/missing-type-hints',
        severity: 'info',
        message: 'def parse(text, strict=False) has no type hints',
        project: 'py-lib',
        file: 'libs/py-lib/src/py_lib/core.py',
        line: 10,
        column: 5,
        fingerprint: '77aa88bb99cc00dd11ee22ff',
        planItem: 'api/type-annotations',
        status: 'new',
      },
      {
        checkId: 'structure/missing-init-py',
        severity: 'warning',
        message: 'libs/py-lib/src/py_lib/io is a package directory without __init__.py',
        project: 'py-lib',
        file: 'libs/py-lib/src/py_lib/io',
        line: 0,
        column: 0,
        fingerprint: '1234abcd5678ef901234abcd',
        planItem: 'structure/barrels',
        status: 'baseline',
      },
      {
        checkId: 'deps/unused-dependency',
        severity: 'warning',
        message: '"requests" is declared in [project.dependencies] but never imported',
        project: 'py-lib',
        file: 'libs/py-lib/pyproject.toml',
        line: 9,
        column: 3,
        fingerprint: 'ffee0011ddcc2233bbaa4455',
        planItem: 'deps/categorize',
        status: 'ignored',
        ignoreReason: 'imported by plugins at run time',
      },
    ],
    problems: [],
    summary: {
      total: 2,
      new: 1,
      baseline: 1,
      ignored: 1,
      fixedSinceBaseline: 0,
      bySeverity: { info: 1, warning: 1, error: 0 },
      failOn: 'error',
      gate: 'passed',
      passed: true,
    },
  };
}

/** A Python project whose checks were skipped because python3 is missing: its gate has no answer (skipped), which does not pass. */
export function pyToolsReport(): AuditReport {
  return {
    schemaVersion: 1,
    tool,
    workspaceRoot,
    project: { name: 'py-tools', root: 'tools/py-tools', languages: ['python'] },
    checks: [{ ...missingInit, skipped: 'python3 was not found on PATH; the Python checks did not run' }],
    findings: [],
    problems: [{ kind: 'skipped', message: 'python3 was not found on PATH; the Python checks did not run' }],
    summary: {
      total: 0,
      new: 0,
      baseline: 0,
      ignored: 0,
      fixedSinceBaseline: 0,
      bySeverity: { info: 0, warning: 0, error: 0 },
      failOn: 'error',
      gate: 'skipped',
      passed: false,
    },
  };
}

/** A clean project that burned down its whole baseline. */
export function cleanLibReport(): AuditReport {
  return {
    schemaVersion: 1,
    tool,
    workspaceRoot,
    project: { name: 'clean-lib', root: 'libs/clean-lib', languages: ['typescript'] },
    checks: [licenseCheck],
    findings: [],
    problems: [],
    summary: {
      total: 0,
      new: 0,
      baseline: 0,
      ignored: 0,
      fixedSinceBaseline: 2,
      bySeverity: { info: 0, warning: 0, error: 0 },
      failOn: 'error',
      gate: 'passed',
      passed: true,
    },
  };
}

/** Every fixture report, deliberately not in name order. */
export function allReports(): AuditReport[] {
  return [tsLibReport(), pyLibReport(), pyToolsReport(), cleanLibReport()];
}
