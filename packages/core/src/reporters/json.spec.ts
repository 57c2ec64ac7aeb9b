import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { REPORT_SCHEMA_VERSION, type AuditReport } from '../audit/report';
import { renderJson } from './json';
import schema from './audit-report.schema.json';
import { allReports, tsLibReport } from './__fixtures__/reports';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reversedKeys(inner)]),
  );
}

describe('renderJson', () => {
  it.each(allReports().map((report) => [report.project.name, report] as const))(
    'renders %s as JSON that validates against audit-report.schema.json',
    (_, report) => {
      const rendered = JSON.parse(renderJson(report));
      expect(validate(rendered) ? [] : validate.errors).toEqual([]);
      expect(rendered).toEqual(report);
    },
  );

  it('is checked by a schema that rejects malformed reports', () => {
    const broken = (mutate: (report: any) => void) => {
      const report: any = JSON.parse(renderJson(tsLibReport()));
      mutate(report);
      return validate(report);
    };
    expect(broken(() => undefined)).toBe(true);
    expect(broken((r) => (r.schemaVersion = 2))).toBe(false);
    expect(broken((r) => (r.findings[0].line = -1))).toBe(false);
    expect(broken((r) => (r.findings[0].status = 'dismissed'))).toBe(false);
    expect(broken((r) => delete r.summary.ignored)).toBe(false);
    expect(broken((r) => (r.summary.failOn = 'never'))).toBe(true);
    expect(broken((r) => delete r.findings[0].fingerprint)).toBe(false);
    expect(broken((r) => (r.findings[0].file = '/home/ci/acme/libs/ts-lib/src/index.ts'))).toBe(false);
    expect(broken((r) => (r.summary.bySeverity.fatal = 1))).toBe(false);
    expect(broken((r) => (r.project.owner = 'team-a'))).toBe(false);
  });

  it('writes schemaVersion first, 2-space indented, with a trailing newline', () => {
    const text = renderJson(tsLibReport());
    expect(text.startsWith(`{\n  "schemaVersion": ${REPORT_SCHEMA_VERSION},\n  "tool": {\n    "name": "shipshape",`)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('orders keys the same way whatever order the report was built in', () => {
    const report = tsLibReport();
    expect(renderJson(reversedKeys(report) as AuditReport)).toBe(renderJson(report));
    expect(Object.keys(JSON.parse(renderJson(report))).join(' ')).toBe(
      'schemaVersion tool workspaceRoot project summary checks findings problems',
    );
    expect(Object.keys(JSON.parse(renderJson(report)).findings[1]).join(' ')).toBe(
      'project checkId status severity message file line column planItem fingerprint fix',
    );
  });

  it('documents every field of the schema in docs/report-format.md', () => {
    const docs = readFileSync(join(__dirname, '../../../../docs/report-format.md'), 'utf8');
    const fields = new Set<string>();
    const collect = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      for (const name of Object.keys(properties ?? {})) fields.add(name);
      Object.values(node).forEach(collect);
    };
    collect(schema);
    const undocumented = [...fields].filter((field) => !docs.includes(`\`${field}\``));
    expect(undocumented).toEqual([]);
  });
});
