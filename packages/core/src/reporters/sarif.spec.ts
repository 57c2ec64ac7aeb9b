import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { renderSarif } from './sarif';
import { allReports, pyLibReport, pyToolsReport, tsLibReport } from './__fixtures__/reports';

// The official OASIS SARIF 2.1.0 schema (errata 01), vendored because no npm package ships it:
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json
// It declares JSON Schema draft-04, hence ajv-draft-04. See docs/report-format.md.
const SCHEMA_FILE = join(__dirname, '__fixtures__', 'sarif-schema-2.1.0.json');
const SCHEMA_SHA256 = 'c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e';

type Json = any;

let validate: ValidateFunction;

beforeAll(() => {
  // Not strict: Ajv's strict mode rejects the official schema's `anyOf: [{ required: [...] }]` idiom.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
});

function expectValid(log: unknown): void {
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

const sarif = (reports = allReports()): Json => JSON.parse(renderSarif(reports));

describe('the vendored SARIF schema', () => {
  it('is the unmodified OASIS file', () => {
    const schema = readFileSync(SCHEMA_FILE);
    expect(createHash('sha256').update(schema).digest('hex')).toBe(SCHEMA_SHA256);
    expect(JSON.parse(schema.toString('utf8')).id).toBe(
      'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    );
  });
});

describe('renderSarif', () => {
  it('writes a log that validates against the official SARIF 2.1.0 schema', () => {
    expectValid(sarif());
    expectValid(sarif([]));
    expectValid(JSON.parse(renderSarif(tsLibReport())));
  });

  it('is checked by a validator that does reject broken SARIF', () => {
    const wrongLevel = sarif();
    wrongLevel.runs[0].results[0].level = 'fatal';
    expect(validate(wrongLevel)).toBe(false);

    const badUri = sarif();
    badUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'libs/a b/c.ts';
    expect(validate(badUri)).toBe(false);

    const noDriver = sarif();
    delete noDriver.runs[0].tool.driver;
    expect(validate(noDriver)).toBe(false);

    const lineZero = sarif();
    lineZero.runs[0].results[0].locations[0].physicalLocation.region = { startLine: 0 };
    expect(validate(lineZero)).toBe(false);
  });

  it('has one run whose driver is shipshape', () => {
    const log = sarif();
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver).toMatchObject({ name: 'shipshape', version: '0.1.0', informationUri: 'https://github.com/shipshape-dev/shipshape' });
  });

  it('describes every check that has a result once as a rule, with plan item, tags and the fix generator', () => {
    const { rules } = sarif().runs[0].tool.driver;
    expect(rules.map((rule: Json) => rule.id)).toEqual([
      'api/missing-type-hints',
      'api/no-export-star',
      'deps/unused-dependency',
      'structure/missing-init-py',
      'structure/package-metadata',
    ]);
    const metadata = rules.find((rule: Json) => rule.id === 'structure/package-metadata');
    expect(metadata).toMatchObject({
      name: 'PackageMetadata',
      shortDescription: { text: 'package.json has the metadata a published package needs' },
      fullDescription: { text: 'A published package needs a license, a repository and a description.' },
      defaultConfiguration: { level: 'error' },
      properties: { planItem: 'structure/package-metadata', tags: ['shipshape', 'structure', 'typescript'] },
    });
    expect(metadata.help.text).toContain('nx g @shipshape/structure:metadata');
  });

  it('gives no rule to a check that found nothing, and writes the log on one line', () => {
    const report = tsLibReport();
    report.checks = [
      ...report.checks,
      { id: 'api/quiet-check', title: 'Found nothing', planItem: 'api/facades', severity: 'warning', languages: [] },
    ];
    const text = renderSarif(report);
    const { rules } = JSON.parse(text).runs[0].tool.driver;
    expect(rules.map((rule: Json) => rule.id)).not.toContain('api/quiet-check');
    expect(rules.map((rule: Json) => rule.id).sort()).toEqual([...new Set(report.findings.map((f) => f.checkId))].sort());
    expect(text.trimEnd().split('\n')).toHaveLength(1);
  });

  it('points every result at its rule by id and index', () => {
    const run = sarif().runs[0];
    expect(run.results).toHaveLength(6);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
  });

  it('maps severities to levels, info to note', () => {
    const levels = Object.fromEntries(
      sarif([tsLibReport(), pyLibReport()]).runs[0].results.map((result: Json) => [result.ruleId, result.level]),
    );
    expect(levels).toEqual({
      'api/missing-type-hints': 'note',
      'api/no-export-star': 'warning',
      'deps/unused-dependency': 'warning',
      'structure/missing-init-py': 'warning',
      'structure/package-metadata': 'error',
    });
  });

  it('locates results relative to %SRCROOT%, with a region only when the line is known', () => {
    const results = sarif([tsLibReport()]).runs[0].results;
    const byRule = (id: string) => results.find((result: Json) => result.ruleId === id).locations[0].physicalLocation;
    expect(byRule('api/no-export-star')).toEqual({
      artifactLocation: { uri: 'libs/ts-lib/src/index.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 1 },
    });
    expect(byRule('structure/package-metadata')).toEqual({
      artifactLocation: { uri: 'libs/ts-lib/package.json', uriBaseId: '%SRCROOT%' },
    });
  });

  it('percent-encodes paths into valid URI references', () => {
    const report = tsLibReport();
    report.findings[0].file = 'libs/ts lib/src/#1.ts';
    const log = JSON.parse(renderSarif(report));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('libs/ts%20lib/src/%231.ts');
    expectValid(log);
  });

  it('carries the fingerprint and the baseline state', () => {
    const results = sarif([tsLibReport()]).runs[0].results;
    const unused = results.find((result: Json) => result.ruleId === 'deps/unused-dependency');
    const exportStar = results.find((result: Json) => result.ruleId === 'api/no-export-star');
    expect(unused.partialFingerprints).toEqual({ 'shipshape/v1': 'aa11bb22cc33dd44ee55ff66' });
    expect(unused.baselineState).toBe('unchanged');
    expect(exportStar.baselineState).toBe('new');
    expect(unused.message.text).toBe('"lodash" is declared in dependencies but never imported');
  });

  it('suppresses ignored findings with the reason, without a baseline state', () => {
    const log = sarif([pyLibReport()]);
    const ignored = log.runs[0].results.find((result: Json) => result.ruleId === 'deps/unused-dependency');
    expect(ignored.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'imported by plugins at run time' }]);
    expect(ignored).not.toHaveProperty('baselineState');
    expect(ignored.properties).not.toHaveProperty('fix');
    expectValid(log);
  });

  it('reports problems as tool execution notifications', () => {
    const skipped = sarif([pyLibReport(), pyToolsReport()]).runs[0].invocations;
    expect(skipped).toHaveLength(1);
    expect(skipped[0].executionSuccessful).toBe(true);
    expect(skipped[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: { text: 'py-tools: python3 was not found on PATH; the Python checks did not run' },
      }),
    ]);

    const broken = pyLibReport();
    broken.problems.push({ kind: 'error', file: 'libs/py-lib/pyproject.toml', message: 'Invalid TOML at line 3' });
    const log = JSON.parse(renderSarif([broken]));
    const [invocation] = log.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0]).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'libs/py-lib/pyproject.toml', uriBaseId: '%SRCROOT%' } } }],
    });
    expectValid(log);
  });

  it('still gives a rule to a finding whose check the report does not list', () => {
    const report = tsLibReport();
    report.checks = [];
    const run = JSON.parse(renderSarif(report)).runs[0];
    expect(run.tool.driver.rules).toHaveLength(3);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });
});
