import { appendFileSync, readFileSync } from 'node:fs';
import { DEFAULTS, renderTerminal, toPosixRelative, type AuditProjectResult } from '@shipshape/core/audit-client';

/**
 * What an audit task prints: the report (`listPerCheck` findings of each check, or with `quiet` only those that fail
 * the gate), where the baseline and reports were written. Appends the Markdown to a GitHub job summary.
 */
export function auditOutput(
  workspaceRoot: string,
  { report, files, baselineWritten }: AuditProjectResult,
  { listPerCheck = DEFAULTS.listPerCheck, quiet = DEFAULTS.quiet }: { listPerCheck?: number; quiet?: boolean } = {},
): string {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const fullReport = () => toPosixRelative(workspaceRoot, files.markdown);
  const lines = [renderTerminal([report], { color, listPerCheck, quiet, fullReport })];
  if (baselineWritten) lines.push(`Baseline written: ${toPosixRelative(workspaceRoot, baselineWritten)}`);
  lines.push(`Reports: ${[files.json, files.sarif, files.markdown].map((f) => toPosixRelative(workspaceRoot, f)).join(', ')}`);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, readFileSync(files.markdown, 'utf8'));
  return lines.join('\n');
}
