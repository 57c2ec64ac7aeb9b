import type { AuditReport } from '../audit/report';

/**
 * Key order of the JSON format (docs/report-format.md). Keys are ranked by this list wherever they
 * occur; keys it does not name (fix options) follow in alphabetical order, so output never depends
 * on the order in which the report object was built.
 */
const KEY_ORDER = [
  'schemaVersion',
  'tool',
  'workspaceRoot',
  'project',
  'summary',
  'checks',
  'findings',
  'problems',
  'name',
  'version',
  'root',
  'id',
  'checkId',
  'title',
  'status',
  'ignoreReason',
  'kind',
  'severity',
  'languages',
  'message',
  'file',
  'line',
  'column',
  'planItem',
  'fingerprint',
  'fixedBy',
  'fix',
  'generator',
  'options',
  'description',
  'total',
  'new',
  'baseline',
  'ignored',
  'fixedSinceBaseline',
  'bySeverity',
  'info',
  'warning',
  'error',
  'failOn',
  'gate',
  'passed',
];
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index] as const));

export function renderJson(report: AuditReport): string {
  return JSON.stringify(orderKeys(report), null, 2) + '\n';
}

function orderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderKeys);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort(
    (a, b) => (RANK.get(a) ?? KEY_ORDER.length) - (RANK.get(b) ?? KEY_ORDER.length) || a.localeCompare(b),
  );
  return Object.fromEntries(keys.map((key) => [key, orderKeys((value as Record<string, unknown>)[key])]));
}
