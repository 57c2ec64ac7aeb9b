import type { AuditReport, ReportedCheck, ReportedFinding } from '../audit/report';
import { checksById, fixCommand, formatLocation, groupByPlanItem, sortReports } from './shared';
import { gateVerdict } from './terminal';

/** GitHub-flavoured Markdown for a job summary (`$GITHUB_STEP_SUMMARY`) or a PR comment. */
export function renderMarkdown(reports: AuditReport[]): string {
  const sorted = sortReports(reports);
  return [`## Shipshape audit: ${headline(sorted)}`, summaryTable(sorted), ...sorted.map(projectDetails)].join('\n\n') + '\n';
}

const GATE_MARK = { passed: '✅', failed: '❌', skipped: '⚠️' } as const;

/** The gates in one line, with what decided them: `❌ 1 of 3 gates FAILED: 1 problem`. */
function headline(reports: AuditReport[]): string {
  const { gate, word, detail } = gateVerdict(reports);
  if (gate === 'passed') return `${GATE_MARK.passed} ${reports.length > 1 ? 'all gates passed' : 'gate passed'}`;
  const gates =
    reports.length > 1 ? `${reports.filter((report) => report.summary.gate === gate).length} of ${reports.length} gates` : 'gate';
  return `${GATE_MARK[gate]} ${gates} ${word}${detail ? `: ${detail}` : ''}`;
}

function summaryTable(reports: AuditReport[]): string {
  const rows = reports.map((report) =>
    row([
      escapeText(report.project.name),
      report.summary.new,
      report.summary.baseline,
      report.summary.ignored,
      report.summary.fixedSinceBaseline,
      report.summary.bySeverity.error,
      report.summary.bySeverity.warning,
      gateCell(report),
    ]),
  );
  const header = row(['Project', 'New', 'Baseline', 'Ignored', 'Fixed since baseline', 'Errors', 'Warnings', 'Gate']);
  return [header, '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |', ...rows].join('\n');
}

/** `✅ passed`, `❌ **FAILED**: 1 problem`, `⚠️ skipped: 2 checks not run`. */
function gateCell(report: AuditReport): string {
  const { gate, word, detail } = gateVerdict([report]);
  return `${GATE_MARK[gate]} ${gate === 'failed' ? `**${word}**` : word}${detail ? `: ${detail}` : ''}`;
}

function projectDetails(report: AuditReport): string {
  const { findings, problems, summary } = report;
  const detail = [`${summary.new} new`, ...(summary.ignored > 0 ? [`${summary.ignored} ignored`] : [])].join(', ');
  const counts = [`${findings.length} finding${findings.length === 1 ? '' : 's'} (${detail})`];
  if (problems.length > 0) counts.push(`${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  // The blank line after <summary> lets GitHub render the Markdown inside <details>.
  const parts = [`<details><summary><strong>${escapeHtml(report.project.name)}</strong>: ${counts.join(', ')}</summary>`, ''];
  if (problems.length > 0) {
    parts.push(
      '**Problems**',
      '',
      ...problems.map((p) => `- **${p.kind}**${p.file ? ` ${code(p.file)}` : ''}: ${escapeText(p.message)}`),
      '',
    );
  }
  const checks = checksById(report);
  for (const group of groupByPlanItem(findings)) {
    parts.push(`#### ${escapeText(group.title)} (${code(group.planItem)})`, '');
    parts.push(row(['Location', 'Severity', 'Message', 'Check', 'Fix']), '| --- | --- | --- | --- | --- |');
    parts.push(...group.findings.map((finding) => findingRow(finding, checks.get(finding.checkId))), '');
  }
  if (findings.length === 0 && problems.length === 0) parts.push('No findings.', '');
  parts.push('</details>');
  return parts.join('\n');
}

function findingRow(finding: ReportedFinding, check: ReportedCheck | undefined): string {
  const severity = finding.status === 'new' ? finding.severity : `${finding.severity} (${finding.status})`;
  const reason = finding.status === 'ignored' && finding.ignoreReason ? `<br>Ignored: ${escapeText(finding.ignoreReason)}` : '';
  const fix = fixCommand(finding, check);
  return row([code(formatLocation(finding)), severity, escapeText(finding.message) + reason, code(finding.checkId), fix ? code(fix) : '']);
}

function row(cells: Array<string | number>): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * A message for a table cell: its `code spans` kept, elsewhere HTML and Markdown emphasis escaped
 * (`__init__.py` must not turn bold); `|` escaped everywhere, since GitHub splits cells on it even
 * inside code spans.
 */
function escapeText(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : escapeHtml(part).replace(/[\\`*_~[\]]/g, '\\$&')))
    .join('')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A code span; GitHub tables still split on `|` inside code spans, so it is escaped there too. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const padded = fence.length > 1 ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}${fence}`;
}
