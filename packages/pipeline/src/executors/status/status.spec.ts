import type { ExecutorContext } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openPage } from '../../status/browser';
import { tempWorkspace } from '@shipshape/core/testing';
import { auditReport } from '../../status/testing';
import { PROJECT_COLORS, STATE_COLORS } from '../../status/dashboard';
import { PLAN_ITEMS } from '@shipshape/core';
import statusExecutor from './status';

const META = 'structure/package-metadata';
const LAYOUT = 'structure/directory-layout';

/** `#1f6feb` as red, green, blue: [31, 111, 235]. */
const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
/** `#1f6feb` as the browser computes it: `rgb(31, 111, 235)`. */
const rgb = (hex: string) => `rgb(${channels(hex).join(', ')})`;

describe('status executor', () => {
  const ws = tempWorkspace({
    'shipshape-plan.json': JSON.stringify({ version: 1, start: '2026-12-07', projects: ['money', 'ledger'], weeks: [] }),
    'reports/shipshape/libs/money/audit.json': JSON.stringify(
      auditReport(
        'money',
        [
          ['s/meta', META],
          ['s/layout', LAYOUT],
        ],
        [['s/meta', META]],
      ),
    ),
    'reports/shipshape/libs/ledger/audit.json': JSON.stringify(auditReport('ledger', [['s/meta', META]], [])),
  });
  afterAll(() => ws.remove());

  const context = (
    projects: Record<string, { root: string }> = {
      money: { root: 'libs/money' },
      ledger: { root: 'libs/ledger' },
      site: { root: 'apps/site' },
    },
  ) =>
    ({
      root: ws.root,
      cwd: ws.root,
      isVerbose: false,
      projectName: 'ws',
      targetName: 'status',
      projectsConfigurations: { version: 2, projects },
      nxJsonConfiguration: {},
    }) as unknown as ExecutorContext;

  let output: string[];
  beforeEach(() => {
    output = [];
    jest.spyOn(console, 'log').mockImplementation((...args) => void output.push(args.join(' ')));
    jest.spyOn(console, 'error').mockImplementation((...args) => void output.push(args.join(' ')));
    process.env.SHIPSHAPE_TODAY = '2026-12-23';
  });
  afterEach(() => {
    jest.restoreAllMocks();
    delete process.env.SHIPSHAPE_TODAY;
  });

  const status = () => JSON.parse(readFileSync(join(ws.root, 'reports/shipshape/status.json'), 'utf8'));

  it('tells per project and plan item where it stands, the week, and who is on track', async () => {
    expect((await statusExecutor({ audit: false }, context())).success).toBe(true);
    const written = status();
    expect(written).toMatchObject({ start: '2026-12-07', today: '2026-12-23', week: 3, weekState: 'running' });
    const money = written.projects.find((p: { name: string }) => p.name === 'money');
    const item = (id: string) => money.items.find((i: { id: string }) => i.id === id);
    expect([item(META).state, item(META).findings, item(LAYOUT).state, item('deps/categorize').state]).toEqual([
      'not-started',
      1,
      'done',
      'no-check',
    ]);
    expect(money).toMatchObject({ onTrack: false, behind: [META] });
    expect(written.projects.find((p: { name: string }) => p.name === 'ledger')).toMatchObject({ onTrack: true });
    expect(output.join('\n')).toMatch(/Week 3 of 10/);
    expect(output.join('\n')).toContain('  Phase 2 API & docs (weeks 3-4): 9 items, no check yet\n');
    expect(output.join('\n')).toContain('  Phase 1 Foundation (weeks 1-2) (6 more items have no check yet)\n');
    expect(readFileSync(join(ws.root, 'reports/shipshape/status.md'), 'utf8')).toContain('| money | 1 | 0 | 1 |');
  });

  it('appends a history line per run, and fails when behind only if asked', async () => {
    await statusExecutor({ audit: false }, context());
    const lines = readFileSync(join(ws.root, 'shipshape-history.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(lines[lines.length - 1]).projects.money.findings).toBe(1);
    expect((await statusExecutor({ audit: false, failWhenBehind: true }, context())).success).toBe(false);
  });

  it('writes a dashboard that opens in a real browser without errors and shows every enrolled project', async () => {
    await statusExecutor({ audit: false }, context());
    const browser = await launchChromium();
    try {
      const { page, errors, requests } = await openPage(browser, `file://${join(ws.root, 'reports/shipshape/dashboard.html')}`);
      expect(errors).toEqual([]);
      expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
      expect(await page.locator('[data-project]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')))).toEqual([
        'money',
        'ledger',
      ]);
      expect(await page.locator('#week').textContent()).toContain('Week 3 of 10');
      expect(await page.locator('.today').count()).toBe(1);
      const link = page.locator('[data-project="money"] a[data-state="not-started"]').first();
      await link.click();
      expect(page.url()).toMatch(/#f-money-structure-package-metadata$/);
      expect(await page.locator('#f-money-structure-package-metadata li').first().textContent()).toContain('libs/money/package.json:1:1');
      const screenshot = join(__dirname, '../../../../../tmp/dashboard.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(existsSync(screenshot)).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('labels every plan item on the dashboard with its title, visibly, as the column of each square', async () => {
    await statusExecutor({ audit: false }, context());
    const browser = await launchChromium();
    try {
      const { page } = await openPage(browser, `file://${join(ws.root, 'reports/shipshape/dashboard.html')}`);
      const labels = await page.locator('th[data-item]').evaluateAll((cells) =>
        cells.map((cell) => {
          const box = cell.querySelector('span')?.getBoundingClientRect();
          return {
            id: cell.getAttribute('data-item'),
            text: cell.textContent,
            visible: !!box && box.width > 0 && box.height > 0,
            th: cell.id,
          };
        }),
      );
      expect(labels.map(({ id, text, visible }) => ({ id, text, visible }))).toEqual(
        PLAN_ITEMS.map((item) => ({ id: item.id, text: item.title, visible: true })),
      );
      // Every square names its column (and its project's row) for assistive technology too.
      const squares = await page
        .locator('[data-project="money"] td')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('headers')));
      expect(squares).toEqual(labels.map(({ th }) => `p-money ${th}`));
      expect(await page.locator('th.phase').allTextContents()).toEqual([
        'Phase 1 Foundationweeks 1-2',
        'Phase 2 API & docsweeks 3-4',
        'Phase 3 Testing & qualityweeks 5-6package not published yet',
        'Phase 4 Distribution & extensibilityweeks 7-8package not published yet',
        'Phase 5 Launch & communityweeks 9-10package not published yet',
      ]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('draws a meaningful chart from a single run, in colours no item state uses', async () => {
    await statusExecutor({ audit: false, historyFile: 'one-run.jsonl', outputDir: 'reports/one-run' }, context());
    const browser = await launchChromium();
    try {
      const { page, errors } = await openPage(browser, `file://${join(ws.root, 'reports/one-run/dashboard.html')}`);
      expect(errors).toEqual([]);
      const bars = await page.locator('[aria-label="burn-down"] [data-series]').evaluateAll((groups) =>
        groups.map((group) => {
          const rect = group.querySelector('rect');
          return {
            project: group.getAttribute('data-series'),
            text: group.textContent,
            width: rect?.getBoundingClientRect().width ?? 0,
            fill: rect ? getComputedStyle(rect).fill : 'no bar',
          };
        }),
      );
      expect(bars.map(({ project, text }) => [project, text])).toEqual([
        ['money', 'moneymoney: 1 finding(s)1'],
        ['ledger', 'ledgerledger: 0 finding(s)0'],
      ]);
      expect(bars[0].width).toBeGreaterThan(100);
      expect(bars[1].width).toBeLessThan(bars[0].width / 10);
      const stateColors = await page
        .locator('.legend i, a.item')
        .evaluateAll((marks) => [...new Set(marks.map((mark) => getComputedStyle(mark).backgroundColor))]);
      expect(stateColors).toHaveLength(5);
      for (const { fill } of bars) expect(stateColors).not.toContain(fill);
      expect(new Set(bars.map(({ fill }) => fill)).size).toBe(2);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('draws the burn-down over several runs with lines in colours no item state uses', async () => {
    for (let run = 0; run < 2; run++)
      await statusExecutor({ audit: false, historyFile: 'two-runs.jsonl', outputDir: 'reports/two-runs' }, context());
    const browser = await launchChromium();
    try {
      const { page } = await openPage(browser, `file://${join(ws.root, 'reports/two-runs/dashboard.html')}`);
      const lines = await page
        .locator('[aria-label="burn-down"] polyline')
        .evaluateAll((polylines) =>
          polylines.map((line) => ({ stroke: getComputedStyle(line).stroke, points: line.getAttribute('points')?.split(' ').length })),
        );
      expect(lines).toHaveLength(2);
      expect(lines.every(({ points }) => points === 2)).toBe(true);
      expect(await page.locator('[aria-label="burn-down"] circle').count()).toBe(4);
      const stateColors = Object.values(STATE_COLORS).map(rgb);
      for (const { stroke } of lines) expect(stateColors).not.toContain(stroke);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("keeps the projects' colours far from every state colour", () => {
    const distance = (a: string, b: string) => Math.hypot(...channels(a).map((c, i) => c - channels(b)[i]));
    for (const project of PROJECT_COLORS)
      for (const state of Object.values(STATE_COLORS))
        expect([project, state, distance(project, state) >= 90]).toEqual([project, state, true]);
  });

  it('names a plan project that does not exist, and writes no status', async () => {
    const result = await statusExecutor({ audit: false, outputDir: 'elsewhere' }, context({ money: { root: 'libs/money' } }));
    expect(result.success).toBe(false);
    expect(output).toEqual([
      expect.stringContaining('shipshape-plan.json: the plan enrolls "ledger", which is not a project of this workspace'),
    ]);
    expect(existsSync(join(ws.root, 'elsewhere'))).toBe(false);
  });

  it('warns about a corrupt history line and keeps going', async () => {
    const { appendFileSync } = await import('node:fs');
    appendFileSync(join(ws.root, 'shipshape-history.jsonl'), 'not json\n');
    expect((await statusExecutor({ audit: false }, context())).success).toBe(true);
    expect(output.join('\n')).toMatch(/warning: shipshape-history\.jsonl:\d+ is not a valid history entry; skipped/);
  });
});
