import type { ExecutorContext } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openPage } from '../../status/browser';
import { tempWorkspace } from '@shipshape/core/testing';
import { auditReport } from '../../status/testing';
import statusExecutor from './status';

const META = 'structure/package-metadata';
const LAYOUT = 'structure/directory-layout';

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
