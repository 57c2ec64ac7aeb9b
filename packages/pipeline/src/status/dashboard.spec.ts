import type { HistoryEntry } from './history';
import type { StatusReport } from './model';
import { renderDashboard } from './dashboard';

const status = (names: string[]): StatusReport => ({
  schemaVersion: 1,
  generatedAt: '2026-12-23T10:00:00Z',
  today: '2026-12-23',
  start: '2026-12-07',
  week: 3,
  weekState: 'running',
  projects: names.map((name) => ({ name, root: `libs/${name}`, onTrack: true, behind: [], findings: 0, items: [] })),
  warnings: [],
});
const run = (day: string, findings: Record<string, number>): HistoryEntry => ({
  at: `2026-12-${day}T10:00:00Z`,
  week: 3,
  projects: Object.fromEntries(Object.entries(findings).map(([name, count]) => [name, { findings: count, done: 0, items: {} }])),
});

/** The burn-down's drawing of one project: its line's points, its dots, and the values written on the chart. */
function series(html: string, name: string) {
  const group = new RegExp(`<g data-series="${name}">(.*?)</g>`).exec(html.slice(html.indexOf('aria-label="burn-down"')))?.[1] ?? '';
  return {
    line: /<polyline[^>]* points="([^"]*)"/.exec(group)?.[1].split(' ') ?? [],
    dots: group.match(/<circle /g)?.length ?? 0,
    values: [...group.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((m) => m[1]),
  };
}

describe('dashboard burn-down', () => {
  it('draws a project only over the runs that measured it, and a project measured once as a point with its value', () => {
    const history = [run('09', { money: 5 }), run('16', { money: 3 }), run('23', { money: 1, ledger: 2 })];
    const html = renderDashboard(status(['money', 'ledger']), history);
    expect(series(html, 'money')).toEqual({
      line: ['36.0,12.0', '326.0,80.8', '616.0,149.6'],
      dots: 3,
      values: [],
    });
    // Enrolled in the last run: no line up from the zero it never had, one dot labelled 2.
    expect(series(html, 'ledger')).toEqual({ line: [], dots: 1, values: ['2'] });
  });
});
