import { phasePackages } from '@shipshape/core';
import { publishedPhasePackages } from '../plan/phase-generators';
import type { StatusReport } from './model';
import { PHASE_NAMES, STATE_LABEL, STATE_MARK, weekLine } from './labels';

/** The terminal table: per project, per phase, each plan item's state and its findings. */
export function renderStatusTerminal(status: StatusReport): string {
  const lines = [`Shipshape plan: ${weekLine(status)}`, ''];
  const published = publishedPhasePackages();
  for (const project of status.projects) {
    lines.push(
      `${project.name} (${project.root}): ${project.onTrack ? 'on track' : `BEHIND on ${project.behind.length} item(s)`}, ${project.findings} finding(s)`,
    );
    for (const phase of [1, 2, 3, 4, 5] as const) {
      const items = project.items.filter((item) => item.phase === phase);
      const checked = items.filter((item) => item.state !== 'no-check');
      const unchecked = items.length - checked.length;
      const unpublished = phasePackages(phase).filter((name) => !published.includes(name));
      const why =
        unpublished.length > 0 ? ` (${unpublished.join(' and ')} ${unpublished.length > 1 ? 'are' : 'is'} not published yet)` : '';
      const note =
        unchecked === 0
          ? ''
          : checked.length === 0
            ? `: ${unchecked} items, no check yet${why}`
            : ` (${unchecked} more items have no check yet)${why}`;
      lines.push(`  Phase ${phase} ${PHASE_NAMES[phase]} (weeks ${items[0].weeks[0]}-${items[0].weeks[1]})${note}`);
      for (const item of checked) {
        const count = item.findings > 0 ? ` (${item.findings} finding${item.findings === 1 ? '' : 's'})` : '';
        lines.push(`    ${STATE_MARK[item.state]} ${item.id.padEnd(30)} ${STATE_LABEL[item.state]}${count}`);
      }
    }
    lines.push('');
  }
  lines.push(summaryTable(status).join('\n'));
  for (const warning of status.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n');
}

function summaryTable(status: StatusReport): string[] {
  const header = ['project', 'done', 'partly', 'not started', 'no check', 'findings', 'on track'];
  const rows = status.projects.map((p) => [
    p.name,
    ...(['done', 'partly', 'not-started', 'no-check'] as const).map((state) => String(p.items.filter((i) => i.state === state).length)),
    String(p.findings),
    p.onTrack ? 'yes' : 'no',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [format(header), ...rows.map(format)];
}

/** For a CI job summary or a PR comment. */
export function renderStatusMarkdown(status: StatusReport): string {
  const escape = (text: string) => text.replace(/[|<>]/g, (c) => ({ '|': '\\|', '<': '&lt;', '>': '&gt;' })[c] ?? c);
  const lines = [
    '## Shipshape plan status',
    '',
    weekLine(status),
    '',
    '| project | done | partly | not started | no check yet | findings | on track |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const p of status.projects) {
    const count = (state: string) => p.items.filter((i) => i.state === state).length;
    lines.push(
      `| ${escape(p.name)} | ${count('done')} | ${count('partly')} | ${count('not-started')} | ${count('no-check')} | ${p.findings} | ${p.onTrack ? '✅' : `❌ behind on ${p.behind.map((b) => `\`${b}\``).join(', ')}`} |`,
    );
  }
  for (const p of status.projects) {
    lines.push(
      '',
      `<details><summary>${escape(p.name)}: plan items</summary>`,
      '',
      '| item | weeks | state | findings |',
      '|---|---|---|---:|',
    );
    for (const item of p.items)
      lines.push(
        `| \`${item.id}\` ${escape(item.title)} | ${item.weeks[0]}-${item.weeks[1]} | ${STATE_MARK[item.state]} ${STATE_LABEL[item.state]} | ${item.findings} |`,
      );
    lines.push('', '</details>');
  }
  if (status.warnings.length > 0) lines.push('', ...status.warnings.map((w) => `> ⚠️ ${escape(w)}`));
  return `${lines.join('\n')}\n`;
}
