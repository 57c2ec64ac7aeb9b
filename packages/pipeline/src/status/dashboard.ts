import { phasePackages } from '@shipshape/core';
import { publishedPhasePackages } from '../plan/phase-generators';
import type { HistoryEntry } from './history';
import type { ItemState, ProjectStatus, StatusReport } from './model';
import { PHASE_NAMES, STATE_LABEL, STATE_MARK, weekLine } from './labels';

/** The colour of each item state; a project's line in the chart never uses one of them. */
export const STATE_COLORS: Record<ItemState, string> = {
  done: '#2e9d5b',
  partly: '#e0a526',
  'not-started': '#d64545',
  'no-check': '#c9ced6',
  'not-audited': '#8a94a6',
};
/** Text on a state's colour: white on the dark ones, dark on the light grey of "no check yet". */
const STATE_TEXT: Record<ItemState, string> = {
  done: '#fff',
  partly: '#1d2330',
  'not-started': '#fff',
  'no-check': '#1d2330',
  'not-audited': '#fff',
};
/**
 * The projects' colours in the chart, far from every state colour (blue, purple, navy, magenta, brown); past
 * five projects the lines repeat them dashed, then dotted.
 */
export const PROJECT_COLORS = ['#1f6feb', '#6639ba', '#17324d', '#c026d3', '#5c3c00'];
const PROJECT_DASHES = ['', '8 4', '2 4'];
const PHASE_COLORS = ['', '#dbe9ff', '#e6ddff', '#daf5e6', '#fff0d6', '#ffe0e6'];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const anchor = (project: string, item: string) => `f-${project}-${item}`.replace(/[^A-Za-z0-9_-]/g, '-');
const columnId = (item: string) => `i-${item.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const seriesStyle = (index: number) => ({
  color: PROJECT_COLORS[index % PROJECT_COLORS.length],
  dash: PROJECT_DASHES[Math.floor(index / PROJECT_COLORS.length) % PROJECT_DASHES.length],
});

/** A static, self-contained page: no script, no external resource, so it opens anywhere, offline. */
export function renderDashboard(status: StatusReport, history: HistoryEntry[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shipshape plan status</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>Shipshape plan status</h1><p id="week">${escapeHtml(weekLine(status))}</p></header>
<section aria-label="timeline">${timeline(status)}</section>
<section aria-label="projects"><h2>Projects</h2>${legend()}${planTable(status)}</section>
<section aria-label="burn-down"><h2>Findings over time</h2>${findingsChart(history, status)}</section>
<section aria-label="findings"><h2>Findings by plan item</h2>${status.projects.map(findingsList).join('\n')}</section>
${status.warnings.length ? `<section aria-label="warnings"><h2>Warnings</h2><ul>${status.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></section>` : ''}
<footer>Generated ${escapeHtml(status.generatedAt)} by Shipshape.</footer>
</body>
</html>
`;
}

function timeline(status: StatusReport): string {
  const weeks = Array.from({ length: 10 }, (_, i) => i + 1);
  const width = 100 / 10;
  const dayOffset = Math.min(Math.max(0, (Date.parse(status.today) - Date.parse(status.start)) / 86_400_000), 70);
  const today =
    status.weekState === 'running'
      ? `<div class="today" style="left:${((dayOffset + 0.5) / 70) * 100}%" title="today ${escapeHtml(status.today)}">today</div>`
      : '';
  const cells = weeks
    .map((week) => {
      const phase = Math.ceil(week / 2);
      const current = status.weekState === 'running' && week === status.week ? ' current' : '';
      return `<div class="week${current}" style="width:${width}%;background:${PHASE_COLORS[phase]}">W${week}<small>phase ${phase}</small></div>`;
    })
    .join('');
  return `<div class="timeline">${cells}${today}</div>`;
}

function legend(): string {
  return `<p class="legend">${(Object.keys(STATE_COLORS) as ItemState[])
    .map((s) => `<span><i style="background:${STATE_COLORS[s]}"></i>${STATE_MARK[s]} ${STATE_LABEL[s]}</span>`)
    .join(' ')}</p>`;
}

/**
 * Projects by plan items: one column per item, labelled with its title and grouped under its phase, so that
 * every square says which item it is without a hover; a square shows the item's findings, or its state's mark.
 */
function planTable(status: StatusReport): string {
  const items = status.projects[0]?.items ?? [];
  const phases = [...new Set(items.map((item) => item.phase))];
  const published = publishedPhasePackages();
  const phaseRow = phases
    .map((phase) => {
      const inPhase = items.filter((item) => item.phase === phase);
      const [first, last] = inPhase[0].weeks;
      const unpublished = phasePackages(phase).filter((name) => !published.includes(name));
      const note = unpublished.length
        ? `<small class="unpublished" title="${escapeHtml(unpublished.join(', '))}">package not published yet</small>`
        : '';
      return `<th scope="colgroup" colspan="${inPhase.length}" class="phase" style="background:${PHASE_COLORS[phase]}">Phase ${phase} ${escapeHtml(PHASE_NAMES[phase])}<small>weeks ${first}-${last}</small>${note}</th>`;
    })
    .join('');
  const itemRow = items
    .map(
      (item, i) =>
        `<th scope="col" id="${columnId(item.id)}" data-item="${escapeHtml(item.id)}" class="item-label${phaseStart(items, i)}" title="${escapeHtml(item.id)}"><span>${escapeHtml(item.title)}</span></th>`,
    )
    .join('');
  return `<table class="plan"><thead><tr><td></td>${phaseRow}</tr><tr><th scope="col" class="project-label">project</th>${itemRow}</tr></thead><tbody>${status.projects
    .map(projectRow)
    .join('\n')}</tbody></table>`;
}

const phaseStart = (items: ProjectStatus['items'], i: number) => (i > 0 && items[i - 1].phase !== items[i].phase ? ' phase-start' : '');

function projectRow(project: ProjectStatus): string {
  const rowId = `p-${project.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const cells = project.items
    .map((item, i) => {
      const label = `${project.name}, ${item.id}: ${item.title}, ${STATE_LABEL[item.state]}${item.findings ? `, ${item.findings} finding(s)` : ''}`;
      const target = item.findings > 0 ? ` href="#${anchor(project.name, item.id)}"` : '';
      const text = item.findings > 0 ? String(item.findings) : STATE_MARK[item.state];
      return `<td headers="${rowId} ${columnId(item.id)}" class="${phaseStart(project.items, i).trim()}"><a class="item" data-item="${escapeHtml(item.id)}" data-phase="${item.phase}" data-state="${item.state}"${target} title="${escapeHtml(label)}" aria-label="${escapeHtml(label)}" style="background:${STATE_COLORS[item.state]};color:${STATE_TEXT[item.state]}">${text}</a></td>`;
    })
    .join('');
  const track = project.onTrack ? '<span class="ok">on track</span>' : `<span class="behind">behind on ${project.behind.length}</span>`;
  return `<tr class="project" data-project="${escapeHtml(project.name)}"><th scope="row" id="${rowId}" class="name">${escapeHtml(project.name)} ${track}</th>${cells}</tr>`;
}

/** The burn-down of findings per project over the runs; from a single run, the findings per project as bars. */
function findingsChart(history: HistoryEntry[], status: StatusReport): string {
  if (history.length === 0) return '<p>No history yet.</p>';
  const names = status.projects.map((p) => p.name);
  const latest = history[history.length - 1].projects;
  const key = names
    .map((name, i) => {
      const { color, dash } = seriesStyle(i);
      const sample = `<svg width="24" height="10" aria-hidden="true"><line x1="0" y1="5" x2="24" y2="5" stroke="${color}" stroke-width="3" stroke-dasharray="${dash}"/></svg>`;
      return `<span data-key="${escapeHtml(name)}">${sample} ${escapeHtml(name)}: ${latest[name]?.findings ?? 0}</span>`;
    })
    .join(' ');
  const chart = history.length === 1 ? singleRunBars(names, latest) : burnDown(history, names);
  return `${chart}<p class="legend">${key}</p>`;
}

function singleRunBars(names: string[], latest: HistoryEntry['projects']): string {
  const w = 640;
  const bar = 22;
  const labelWidth = 180;
  const max = Math.max(1, ...names.map((n) => latest[n]?.findings ?? 0));
  const h = names.length * (bar + 8) + 10;
  const rows = names
    .map((name, i) => {
      const findings = latest[name]?.findings ?? 0;
      const { color } = seriesStyle(i);
      const y = 5 + i * (bar + 8);
      const length = Math.max(2, (findings / max) * (w - labelWidth - 60));
      return `<g data-series="${escapeHtml(name)}"><text x="${labelWidth - 8}" y="${y + bar / 2 + 4}" font-size="12" text-anchor="end">${escapeHtml(name)}</text><rect x="${labelWidth}" y="${y}" width="${length.toFixed(1)}" height="${bar}" rx="3" fill="${color}"><title>${escapeHtml(name)}: ${findings} finding(s)</title></rect><text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + bar / 2 + 4}" font-size="12">${findings}</text></g>`;
    })
    .join('');
  return `<p class="note">One run so far: the findings of each project now. From the next run on, this chart draws them over time.</p><svg role="img" aria-label="findings per project in the one run so far" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${rows}</svg>`;
}

function burnDown(history: HistoryEntry[], names: string[]): string {
  const points = history.map((entry) => entry.projects);
  const max = Math.max(1, ...points.flatMap((p) => names.map((n) => p[n]?.findings ?? 0)));
  const w = 640;
  const h = 220;
  const [left, right, top, bottom] = [36, 24, 12, 36];
  const x = (i: number) => left + (i / (points.length - 1)) * (w - left - right);
  const y = (v: number) => h - bottom - (v / max) * (h - top - bottom);
  const lines = names.map((name, i) => {
    const { color, dash } = seriesStyle(i);
    // Only the runs that had the project: one enrolled later was not at 0 findings before, it was not measured.
    const measured = points.flatMap((p, j) => (p[name] ? [{ j, v: p[name].findings }] : []));
    if (measured.length === 0) return '';
    const marks = measured
      .map(
        ({ j, v }) =>
          `<circle cx="${x(j).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${color}"><title>${escapeHtml(name)}: ${v}</title></circle>`,
      )
      .join('');
    if (measured.length === 1) {
      // One point is not a line: the point, with its value written next to it.
      const [{ j, v }] = measured;
      return `<g data-series="${escapeHtml(name)}">${marks}<text x="${(x(j) + 6).toFixed(1)}" y="${(y(v) - 6).toFixed(1)}" font-size="11" fill="${color}">${v}</text></g>`;
    }
    const coords = measured.map(({ j, v }) => `${x(j).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    return `<g data-series="${escapeHtml(name)}"><polyline fill="none" stroke="${color}" stroke-width="2" stroke-dasharray="${dash}" points="${coords}"><title>${escapeHtml(name)}</title></polyline>${marks}</g>`;
  });
  // Runs of one day are told apart by their time.
  const sameDay = history[0].at.slice(0, 10) === history[history.length - 1].at.slice(0, 10);
  const when = (at: string) => (sameDay ? at.slice(0, 16).replace('T', ' ') : at.slice(0, 10));
  const axes = [
    `<line x1="${left}" y1="${h - bottom}" x2="${w - right}" y2="${h - bottom}" stroke="#999"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${h - bottom}" stroke="#999"/>`,
    `<text x="${left - 6}" y="${top + 4}" font-size="11" text-anchor="end">${max}</text>`,
    `<text x="${left - 6}" y="${h - bottom + 4}" font-size="11" text-anchor="end">0</text>`,
    `<text x="${left}" y="${h - bottom + 16}" font-size="11">${escapeHtml(when(history[0].at))}</text>`,
    `<text x="${w - right}" y="${h - bottom + 16}" font-size="11" text-anchor="end">${escapeHtml(when(history[history.length - 1].at))}</text>`,
    `<text x="${(left + w - right) / 2}" y="${h - 4}" font-size="11" text-anchor="middle">${points.length} runs</text>`,
  ].join('');
  return `<svg role="img" aria-label="findings per project over ${points.length} runs" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${axes}${lines.join('')}</svg>`;
}

function findingsList(project: ProjectStatus): string {
  const items = project.items.filter((item) => item.details.length > 0);
  if (items.length === 0) return '';
  return `<h3>${escapeHtml(project.name)}</h3>${items
    .map(
      (item) =>
        `<div class="finding-group" id="${anchor(project.name, item.id)}"><h4>${escapeHtml(item.id)}: ${escapeHtml(item.title)}</h4><ul>${item.details
          .map(
            (d) =>
              `<li><code>${escapeHtml(`${d.file}${d.line ? `:${d.line}:${d.column}` : ''}`)}</code> ${escapeHtml(d.severity)}: ${escapeHtml(d.message)} <small>[${escapeHtml(d.checkId)}]</small></li>`,
          )
          .join('')}</ul></div>`,
    )
    .join('')}`;
}

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330}
h1{margin:0 0 4px}h2{margin-top:28px}
.timeline{position:relative;display:flex;border:1px solid #ccd;border-radius:6px;overflow:hidden}
.week{box-sizing:border-box;padding:8px 4px;text-align:center;border-right:1px solid #fff;font-weight:600}
.week small{display:block;font-weight:400;color:#555}.week.current{outline:3px solid #1f6feb;outline-offset:-3px}
.today{position:absolute;top:0;bottom:0;border-left:2px solid #d00;font-size:11px;color:#d00;padding-left:2px}
.plan{border-collapse:separate;border-spacing:2px 3px}
.plan th.phase{font-size:12px;font-weight:600;text-align:left;vertical-align:top;padding:4px 6px;border-radius:4px 4px 0 0}
.plan th.phase small{display:block;font-weight:400;color:#555}
.plan th.item-label{vertical-align:bottom;padding:0;width:22px}
.plan th.item-label span{display:inline-block;writing-mode:vertical-rl;transform:rotate(180deg);font-size:11px;font-weight:400;white-space:nowrap;line-height:22px}
.plan .project-label{text-align:left;vertical-align:bottom;font-size:12px;color:#555}
.plan td{padding:0}.plan .phase-start{border-left:10px solid transparent}
.name{text-align:left;font-weight:600;padding-right:12px;white-space:nowrap;min-width:160px}
.item{display:block;width:22px;height:22px;border-radius:4px;font-size:11px;text-align:center;line-height:22px;text-decoration:none}
.ok{color:#2e9d5b;font-weight:400}.behind{color:#d64545;font-weight:400}
.legend span{margin-right:12px}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
.note{color:#555}
.finding-group{margin-left:8px}code{background:#f2f3f5;padding:1px 4px;border-radius:3px}
footer{margin-top:32px;color:#777}
`;
