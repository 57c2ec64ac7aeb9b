import type { AuditProblem, AuditReport, ReportedFinding } from '../audit/report';
import { SEVERITIES, severityRank, type Severity } from '../model/finding';
import { checksById, fixCommand, formatLocation, groupByPlanItem, sortReports } from './shared';

export interface TerminalOptions {
  /** Plain ANSI escape codes when true; no colour by default. */
  color?: boolean;
  /**
   * How many findings of one check a project's section lists; the others are counted on one line. A new finding
   * that fails the gate is always listed. Every finding when absent or 0.
   */
  listPerCheck?: number;
  /**
   * Only the findings that fail the gate are listed; the others are counted on one line per project. Nx prints every
   * task's output again on each cache hit, so a large workspace's warm run is faster with less of it.
   */
  quiet?: boolean;
  /** The file that lists every finding of a report, named on the line that counts the findings not listed. */
  fullReport?: (report: AuditReport) => string | undefined;
}

const ANSI = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36 } as const;
type Style = keyof typeof ANSI;
type Paint = (text: string, ...styles: Style[]) => string;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

export function renderTerminal(reports: AuditReport[], options: TerminalOptions = {}): string {
  const paint: Paint = options.color
    ? (text, ...styles) => (styles.length ? `\u001b[${styles.map((s) => ANSI[s]).join(';')}m${text}\u001b[0m` : text)
    : (text) => text;
  const sorted = sortReports(reports);
  const sections = sorted.map((report) => renderProject(report, paint, options));
  return [...sections, renderSummaryTable(sorted, paint)].join('\n\n') + '\n';
}

function renderProject(report: AuditReport, paint: Paint, options: TerminalOptions): string {
  const { name, root, languages } = report.project;
  const lines = [`${paint(name, 'bold')} ${paint(`(${root || '.'}; ${languages.join(', ') || 'no language'})`, 'dim')}`];
  const checks = checksById(report);
  const where = options.fullReport?.(report);
  let quieted = 0;
  for (const group of groupByPlanItem(report.findings)) {
    const { listed, unlisted } = listedFindings(group.findings, report, options);
    if (options.quiet) quieted += group.findings.length - listed.length;
    if (listed.length === 0) continue;
    lines.push(`  ${paint(group.title, 'bold')} ${paint(`[${group.planItem}]`, 'dim')}`);
    listed.forEach((finding, index) => {
      lines.push(`    ${renderFinding(finding, paint)}`);
      const fix = fixCommand(finding, checks.get(finding.checkId));
      // One hint under a run of findings the same command fixes.
      const next = listed[index + 1];
      if (fix && (!next || fixCommand(next, checks.get(next.checkId)) !== fix)) lines.push(`      ${paint(`fix: ${fix}`, 'dim')}`);
    });
    for (const [checkId, count] of unlisted)
      lines.push(`    ${paint(`… ${count} more [${checkId}]${where ? `, all listed in ${where}` : ''}`, 'dim')}`);
  }
  if (quieted > 0) {
    const what = `${quieted} finding${quieted === 1 ? '' : 's'} that do${quieted === 1 ? 'es' : ''} not fail the gate`;
    lines.push(`  ${paint(`… ${what}${where ? `, all listed in ${where}` : ''}`, 'dim')}`);
  }
  if (report.findings.length === 0 && report.problems.length === 0) lines.push(`  ${paint('no findings', 'green')}`);
  if (report.problems.length > 0) {
    lines.push(`  ${paint('Problems', 'bold')}`);
    lines.push(...report.problems.map((problem) => `    ${renderProblem(problem, paint)}`));
  }
  return lines.join('\n');
}

/**
 * The findings a section lists, in their order: those that fail the gate, and the first `listPerCheck` of each check
 * among the others (none with `quiet`); and how many of each check are counted on a line of their own (none with
 * `quiet`: its count is the project's).
 */
function listedFindings(
  findings: readonly ReportedFinding[],
  report: AuditReport,
  { listPerCheck: perCheck, quiet }: TerminalOptions,
): { listed: ReportedFinding[]; unlisted: Map<string, number> } {
  if (quiet) return { listed: findings.filter((finding) => failsGate(finding, report.summary.failOn)), unlisted: new Map() };
  if (!perCheck) return { listed: [...findings], unlisted: new Map() };
  const shown = new Map<string, number>();
  const unlisted = new Map<string, number>();
  const listed = findings.filter((finding) => {
    if (failsGate(finding, report.summary.failOn)) return true;
    const count = shown.get(finding.checkId) ?? 0;
    if (count < perCheck) {
      shown.set(finding.checkId, count + 1);
      return true;
    }
    unlisted.set(finding.checkId, (unlisted.get(finding.checkId) ?? 0) + 1);
    return false;
  });
  return { listed, unlisted };
}

/** A new finding at or above the severity the gate fails on. */
function failsGate(finding: ReportedFinding, failOn: AuditReport['summary']['failOn']): boolean {
  return finding.status === 'new' && failOn !== 'never' && severityRank(finding.severity) >= severityRank(failOn);
}

function renderFinding(finding: ReportedFinding, paint: Paint): string {
  const parts = [
    formatLocation(finding),
    paint(finding.severity, SEVERITY_STYLE[finding.severity]),
    finding.message,
    paint(`[${finding.checkId}]`, 'dim'),
  ];
  if (finding.status === 'baseline') parts.push(paint('(baseline)', 'dim'));
  if (finding.status === 'ignored') parts.push(paint(finding.ignoreReason ? `(ignored: ${finding.ignoreReason})` : '(ignored)', 'dim'));
  return parts.join('  ');
}

function renderProblem(problem: AuditProblem, paint: Paint): string {
  const kind = paint(problem.kind, problem.kind === 'error' ? 'red' : 'yellow');
  return [problem.file, kind, problem.message].filter(Boolean).join('  ');
}

const HEADER = ['project', 'new', 'baseline', 'ignored', 'fixed', 'errors', 'warnings', 'gate'];

function renderSummaryTable(reports: AuditReport[], paint: Paint): string {
  const rows = reports.map((report) => summaryRow(report.project.name, [report]));
  if (reports.length > 1) rows.push(summaryRow('total', reports));
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => row.cells[column].length)));
  // Numbers right-aligned, text left; padding happens before painting so ANSI codes do not skew widths.
  const pad = (cell: string, column: number) =>
    column === 0 ? cell.padEnd(widths[column]) : column === HEADER.length - 1 ? cell : cell.padStart(widths[column]);
  const line = (cells: string[], style: (cell: string, column: number) => string) =>
    cells.map((cell, column) => style(pad(cell, column), column)).join('  ');
  const GATE_STYLE: Record<GateVerdict['gate'], Style> = { passed: 'green', failed: 'red', skipped: 'yellow' };
  return [
    paint('Summary', 'bold'),
    line(HEADER, (cell) => paint(cell, 'dim')),
    ...rows.map((row) =>
      line(row.cells, (cell, column) => (column === HEADER.length - 1 ? paint(cell, GATE_STYLE[row.gate], 'bold') : cell)),
    ),
  ].join('\n');
}

function summaryRow(label: string, reports: AuditReport[]): { cells: string[]; gate: GateVerdict['gate'] } {
  const sum = (count: (report: AuditReport) => number) => String(reports.reduce((total, report) => total + count(report), 0));
  const verdict = gateVerdict(reports);
  const cells = [
    label,
    sum((r) => r.summary.new),
    sum((r) => r.summary.baseline),
    sum((r) => r.summary.ignored),
    sum((r) => r.summary.fixedSinceBaseline),
    sum((r) => r.summary.bySeverity.error),
    sum((r) => r.summary.bySeverity.warning),
    verdict.text,
  ];
  return { cells, gate: verdict.gate };
}

export interface GateVerdict {
  gate: 'passed' | 'failed' | 'skipped';
  /** How the gate is written: `passed`, `FAILED`, `skipped`. */
  word: string;
  /** What decided it, counted: `1 problem, 2 new errors`, `3 checks not run`; empty when nothing is to say. */
  detail: string;
  /** `word: detail`. */
  text: string;
}

const count = (n: number, noun: string, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;
const SEVERITY_NOUN: Record<Severity, [string, string]> = {
  error: ['new error', 'new errors'],
  warning: ['new warning', 'new warnings'],
  info: ['new info finding', 'new info findings'],
};

/**
 * The gate of one or more audits, said with what decided it: the problems that stopped the audit and the
 * new findings at or above `failOn`, each counted, so that a failed gate never shows only zeros. The gate
 * fails when one of them failed, is skipped when one could not run every check, and passes otherwise.
 */
export function gateVerdict(reports: readonly AuditReport[]): GateVerdict {
  const gates = reports.map(({ summary }) => summary.gate);
  const problems = reports.reduce((n, report) => n + report.problems.filter((p) => p.kind === 'error').length, 0);
  const failing = reports.flatMap(({ findings, summary }) => findings.filter((f) => failsGate(f, summary.failOn)));
  if (gates.includes('failed')) {
    const reasons = [
      ...(problems > 0 ? [count(problems, 'problem')] : []),
      ...[...SEVERITIES]
        .reverse()
        .map((severity) => [failing.filter((f) => f.severity === severity).length, ...SEVERITY_NOUN[severity]] as const)
        .filter(([n]) => n > 0)
        .map(([n, one, many]) => count(n, one, many)),
    ];
    return verdict('failed', 'FAILED', reasons.join(', '));
  }
  if (gates.includes('skipped')) {
    const notRun = reports.reduce((n, report) => n + report.checks.filter((c) => c.skipped).length, 0);
    return verdict('skipped', 'skipped', notRun > 0 ? `${count(notRun, 'check')} not run` : '');
  }
  return verdict('passed', 'passed', '');
}

function verdict(gate: GateVerdict['gate'], word: string, detail: string): GateVerdict {
  return { gate, word, detail, text: detail ? `${word}: ${detail}` : word };
}
