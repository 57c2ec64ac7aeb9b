import type { HistoryEntry } from './history';
import type { ItemState, ProjectStatus, StatusReport } from './model';
import { STATE_LABEL, weekLine } from './labels';

const COLORS: Record<ItemState, string> = {
  done: '#2e9d5b',
  partly: '#e0a526',
  'not-started': '#d64545',
  'no-check': '#c9ced6',
  'not-audited': '#8a94a6',
};
const PHASE_COLORS = ['', '#dbe9ff', '#e6ddff', '#daf5e6', '#fff0d6', '#ffe0e6'];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const anchor = (project: string, item: string) => `f-${project}-${item}`.replace(/[^A-Za-z0-9_-]/g, '-');

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
<section aria-label="projects"><h2>Projects</h2>${legend()}${status.projects.map(projectRow).join('\n')}</section>
<section aria-label="burn-down"><h2>Findings over time</h2>${burnDown(history, status)}</section>
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
  return `<p class="legend">${(Object.keys(COLORS) as ItemState[]).map((s) => `<span><i style="background:${COLORS[s]}"></i>${STATE_LABEL[s]}</span>`).join(' ')}</p>`;
}

function projectRow(project: ProjectStatus): string {
  const cells = project.items
    .map((item, i) => {
      const phaseStart = i > 0 && project.items[i - 1].phase !== item.phase ? ' phase-start' : '';
      const label = `${item.id}: ${item.title}, ${STATE_LABEL[item.state]}${item.findings ? `, ${item.findings} finding(s)` : ''}`;
      const target = item.findings > 0 ? ` href="#${anchor(project.name, item.id)}"` : '';
      return `<a class="item${phaseStart}" data-phase="${item.phase}" data-state="${item.state}"${target} title="${escapeHtml(label)}" style="background:${COLORS[item.state]}">${item.findings || ''}</a>`;
    })
    .join('');
  const track = project.onTrack ? '<span class="ok">on track</span>' : `<span class="behind">behind on ${project.behind.length}</span>`;
  return `<div class="project" data-project="${escapeHtml(project.name)}"><div class="name">${escapeHtml(project.name)} ${track}</div><div class="items">${cells}</div></div>`;
}

function burnDown(history: HistoryEntry[], status: StatusReport): string {
  const points = history.map((entry) => entry.projects);
  if (points.length === 0) return '<p>No history yet.</p>';
  const names = status.projects.map((p) => p.name);
  const max = Math.max(1, ...points.flatMap((p) => names.map((n) => p[n]?.findings ?? 0)));
  const w = 640;
  const h = 200;
  const x = (i: number) => (points.length === 1 ? w / 2 : (i / (points.length - 1)) * (w - 40) + 20);
  const y = (v: number) => h - 20 - (v / max) * (h - 40);
  const palette = ['#1f6feb', '#d64545', '#2e9d5b', '#a371f7', '#e0a526', '#0aa2c0'];
  const lines = names.map((name, i) => {
    const coords = points.map((p, j) => `${x(j).toFixed(1)},${y(p[name]?.findings ?? 0).toFixed(1)}`).join(' ');
    return `<polyline fill="none" stroke="${palette[i % palette.length]}" stroke-width="2" points="${coords}"><title>${escapeHtml(name)}</title></polyline>`;
  });
  const labels = names
    .map((name, i) => `<span><i style="background:${palette[i % palette.length]}"></i>${escapeHtml(name)}</span>`)
    .join(' ');
  const first = history[0].at.slice(0, 10);
  const last = history[history.length - 1].at.slice(0, 10);
  const axis = `<text x="20" y="${h - 4}" font-size="11">${escapeHtml(first)}</text><text x="${w - 20}" y="${h - 4}" font-size="11" text-anchor="end">${escapeHtml(last)}</text>`;
  return `<svg role="img" aria-label="findings per project over ${points.length} runs" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"><line x1="20" y1="${h - 20}" x2="${w - 20}" y2="${h - 20}" stroke="#999"/><text x="0" y="16" font-size="11">${max}</text>${axis}${lines.join('')}</svg><p class="legend">${labels}</p>`;
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
.project{display:flex;align-items:center;gap:12px;margin:6px 0}.name{width:220px;font-weight:600}
.items{display:flex;gap:2px;flex-wrap:wrap}
.item{display:inline-block;width:20px;height:20px;border-radius:4px;color:#fff;font-size:11px;text-align:center;line-height:20px;text-decoration:none}
.phase-start{margin-left:12px}
.ok{color:#2e9d5b;font-weight:400}.behind{color:#d64545;font-weight:400}
.legend span{margin-right:12px}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
.finding-group{margin-left:8px}code{background:#f2f3f5;padding:1px 4px;border-radius:3px}
footer{margin-top:32px;color:#777}
`;
