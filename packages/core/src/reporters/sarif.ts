import type { AuditProblem, AuditReport, ReportedCheck, ReportedFinding } from '../audit/report';
import type { Severity } from '../model/finding';
import { fixCommand, planItemTitle, sortReports } from './shared';

const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SHIPSHAPE_INFORMATION_URI = 'https://github.com/shipshape-dev/shipshape';
/** Key of `result.partialFingerprints`; bump the suffix if the fingerprint recipe ever changes. */
const FINGERPRINT_KEY = 'shipshape/v1';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** One SARIF 2.1.0 log with a single run covering every project, for GitHub code scanning. */
export function renderSarif(reports: AuditReport[] | AuditReport): string {
  const sorted = sortReports(Array.isArray(reports) ? reports : [reports]);
  const rules = collectRules(sorted);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const problems = sorted.flatMap((report) => report.problems.map((problem) => ({ problem, project: report.project.name })));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shipshape',
            version: sorted[0]?.tool.version ?? '0.0.0',
            informationUri: SHIPSHAPE_INFORMATION_URI,
            rules: rules.map(toRule),
          },
        },
        invocations: [
          {
            executionSuccessful: problems.every(({ problem }) => problem.kind !== 'error'),
            toolExecutionNotifications: problems.map(({ problem, project }) => toNotification(problem, project)),
          },
        ],
        results: sorted.flatMap((report) =>
          report.findings.map((finding) => toResult(finding, ruleIndex.get(finding.checkId) ?? -1, rules)),
        ),
      },
    ],
  };
  return JSON.stringify(log) + '\n'; // for machines (the Markdown report is for people): no indentation
}

/**
 * The checks the results name, once each by id, as the rules of the run (a check that found nothing has no result
 * to describe: listing every check repeated their help texts in every project's log). A finding whose check the
 * report does not list still gets a rule.
 */
function collectRules(reports: AuditReport[]): ReportedCheck[] {
  const checks = new Map<string, ReportedCheck>();
  for (const check of reports.flatMap((report) => report.checks)) if (!checks.has(check.id)) checks.set(check.id, check);
  const rules = new Map<string, ReportedCheck>();
  for (const finding of reports.flatMap((report) => report.findings)) {
    if (rules.has(finding.checkId)) continue;
    rules.set(
      finding.checkId,
      checks.get(finding.checkId) ?? {
        id: finding.checkId,
        title: finding.checkId,
        planItem: finding.planItem,
        severity: finding.severity,
        languages: [],
      },
    );
  }
  return [...rules.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function toRule(check: ReportedCheck) {
  const fix = check.fixedBy ? `Fix: nx g ${check.fixedBy} --project=<project>` : undefined;
  const help = [check.description, `Plan item: ${planItemTitle(check.planItem)} (${check.planItem}).`, fix];
  return {
    id: check.id,
    name: ruleName(check.id),
    shortDescription: { text: check.title },
    fullDescription: { text: check.description ?? check.title },
    help: { text: help.filter(Boolean).join('\n\n') },
    defaultConfiguration: { level: LEVEL[check.severity] },
    properties: { planItem: check.planItem, tags: ['shipshape', check.id.split('/')[0], ...check.languages] },
  };
}

/** `deps/unused-dependency` -> `UnusedDependency`, the identifier-like name SARIF asks for. */
function ruleName(checkId: string): string {
  const name = checkId.slice(checkId.indexOf('/') + 1);
  return name.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());
}

function toResult(finding: ReportedFinding, ruleIndex: number, rules: ReportedCheck[]) {
  const fix = fixCommand(finding, rules[ruleIndex]);
  return {
    ruleId: finding.checkId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(finding.file, finding.line, finding.column) }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...baselineOrSuppression(finding),
    properties: { project: finding.project, planItem: finding.planItem, ...(fix ? { fix } : {}) },
  };
}

/** Ignored findings are suppressed, with the ignore rule's reason, and have no baseline state. */
function baselineOrSuppression(finding: ReportedFinding) {
  if (finding.status !== 'ignored') return { baselineState: finding.status === 'new' ? 'new' : 'unchanged' };
  const justification = finding.ignoreReason ? { justification: finding.ignoreReason } : {};
  return { suppressions: [{ kind: 'external', status: 'accepted', ...justification }] };
}

function toNotification(problem: AuditProblem, project: string) {
  return {
    level: problem.kind === 'error' ? 'error' : 'warning',
    message: { text: `${project}: ${problem.message}` },
    ...(problem.file ? { locations: [{ physicalLocation: physicalLocation(problem.file, 0, 0) }] } : {}),
    properties: { project, kind: problem.kind },
  };
}

function physicalLocation(file: string, line: number, column: number) {
  const artifactLocation = file.startsWith('/') ? { uri: `file://${toUri(file)}` } : { uri: toUri(file), uriBaseId: SRCROOT };
  if (line <= 0) return { artifactLocation };
  return { artifactLocation, region: column > 0 ? { startLine: line, startColumn: column } : { startLine: line } };
}

/** A workspace-relative path as a relative URI reference: each segment percent-encoded. */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
