// The ten-week plan, end to end: a fresh workspace with a TS and a Python library, `nx add
// @shipshape/pipeline` (the shared setup of utils/setups.ts), a plan, phase 1 through the phase runner, and
// the status target: its JSON says the phase 1 items are done, and its dashboard opens in headless chromium.
import { join } from 'node:path';
import { launchChromium, openPage } from '../../packages/pipeline/src/status/browser';
import { PIPELINE_WORKSPACE, TS_LIBRARY } from './utils/setups';
import { scenario, withOutput } from './utils/steps';
import { createTestWorkspace, type TestWorkspace } from './utils/workspace';

const TS_ROOT = TS_LIBRARY;
const PY_ROOT = 'packages/pylib';

const PYPROJECT = `# Shipshape e2e fixture for the plan.
[project]
name = "pylib"
version = "0.1.0"
classifiers = ["Programming Language :: Python :: 3.10", "Programming Language :: Python :: 3.11"]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
`;

interface ItemStatus {
  id: string;
  phase: number;
  state: string;
  findings: number;
  checks: string[];
  details: Array<{ severity: string; file: string; line: number; message: string }>;
}
interface StatusJson {
  week: number;
  weekState: string;
  projects: Array<{ name: string; onTrack: boolean; items: ItemStatus[] }>;
}

describe('the ten-week plan in a fresh Nx workspace', () => {
  const { step, check } = scenario();
  let ws: TestWorkspace;
  let rootProject: string;
  let enrolled: string[];
  const status = () => ws.readJson<StatusJson>('reports/shipshape/status.json');
  const runStatus = () =>
    ws.nx(['run', `${rootProject}:status`, '--output-style=static'], { env: { ...ws.env, SHIPSHAPE_TODAY: '2026-12-09' } });

  afterAll(async () => {
    ws?.cleanup();
  });

  step('creates a workspace with a TS and a Python library and adds @shipshape/pipeline', async () => {
    // the TS library generated and @shipshape/pipeline added by the shared setup
    ws = await createTestWorkspace('pipeline', PIPELINE_WORKSPACE);
    expect(ws.setup[1].command).toMatch(/nx add @shipshape\/pipeline/);
    const pkg = ws.readJson(`${TS_ROOT}/package.json`);
    delete pkg.private;
    ws.writeJson(`${TS_ROOT}/package.json`, pkg);
    ws.writeFile(`${TS_ROOT}/README.md`, '# tslib\n\nSmall typed helpers, enrolled in the plan.\n');
    ws.writeFile(`${PY_ROOT}/pyproject.toml`, PYPROJECT);
    ws.writeFile(`${PY_ROOT}/README.md`, '# pylib\n\nPolite greetings, enrolled in the plan.\n');
    ws.writeFile(
      `${PY_ROOT}/src/pylib/__init__.py`,
      '"""pylib."""\n\n__all__ = ["greet"]\n\n\ndef greet(name: str) -> str:\n    return f"Hello, {name}!"\n',
    );
    ws.writeFile(
      `${PY_ROOT}/tests/test_greet.py`,
      'from pylib import greet\n\n\ndef test_greet() -> None:\n    assert greet("a") == "Hello, a!"\n',
    );
    // What the metadata generator completes the libraries from: the git remote and the workspace's engines.
    await ws.run('git', ['remote', 'add', 'origin', 'git@github.com:acme/pipeline-e2e.git']);
    ws.writeJson('package.json', { ...ws.readJson<Record<string, unknown>>('package.json'), engines: { node: '>=20.19' } });
    rootProject = ws.readJson('package.json').name;
    const projects = Object.values(await ws.projects());
    enrolled = projects
      .filter((p) => p.data.root === TS_ROOT || p.data.root === PY_ROOT)
      .map((p) => p.name)
      .sort();
    expect(enrolled).toHaveLength(2);
  });

  step('writes the plan, and a second run changes nothing', async () => {
    const args = ['g', '@shipshape/pipeline:plan', '--start=2026-12-07', `--projects=${enrolled.join(',')}`, '--no-interactive'];
    await ws.nx(args);
    const first = ws.readFile('shipshape-plan.json');
    expect(JSON.parse(first)).toMatchObject({ start: '2026-12-07', projects: enrolled });
    await ws.nx(args);
    expect(ws.readFile('shipshape-plan.json')).toBe(first);
  });

  step('refuses a plan naming a project that does not exist, and keeps the plan', async () => {
    const before = ws.readFile('shipshape-plan.json');
    const result = await ws.nx(['g', '@shipshape/pipeline:plan', '--start=2026-12-07', '--projects=nope', '--no-interactive'], {
      allowFailure: true,
    });
    withOutput(result, () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('"nope", which is not a project of this workspace');
      expect(result.output).not.toMatch(/\n\s+at .*\(/);
    });
    expect(ws.readFile('shipshape-plan.json')).toBe(before);
  });

  step('the status before phase 1: the audits run first, phase 1 items have findings', async () => {
    const result = await runStatus();
    withOutput(result, () => {
      expect(result.output).toContain('Week 1 of 10');
      const metadata = status().projects.map((p) => p.items.find((i) => i.id === 'structure/package-metadata'));
      expect(metadata.every((item) => item && item.state !== 'done' && item.findings > 0)).toBe(true);
    });
  });

  step('a dry run of phase 1 writes nothing', async () => {
    const before = ws.readFile(`${PY_ROOT}/pyproject.toml`);
    const result = await ws.nx(['g', '@shipshape/pipeline:phase', '--phase=1', '--dry-run', '--no-interactive']);
    withOutput(result, () => expect(result.output).toMatch(/NOTE: The "dryRun" flag means no changes were made|dry-run/i));
    expect(ws.readFile(`${PY_ROOT}/pyproject.toml`)).toBe(before);
  });

  step('phase 1 runs the installed phase packages on every enrolled project', async () => {
    const result = await ws.nx(['g', '@shipshape/pipeline:phase', '--phase=1', '--no-interactive']);
    withOutput(result, () => {
      expect(result.output).toContain('@shipshape/structure:phase');
    });
  });

  step('the status after phase 1: every phase 1 item that has a check is done', async () => {
    const result = await runStatus();
    withOutput(result, () => {
      for (const project of status().projects) {
        const open = project.items.filter((i) => i.phase === 1 && i.checks.length > 0 && i.state !== 'done');
        const left = open.flatMap((i) =>
          i.details.filter((d) => d.severity !== 'info').map((d) => `${i.id}: ${d.file}:${d.line} ${d.message}`),
        );
        expect({ project: project.name, left }).toEqual({ project: project.name, left: [] });
        expect(project.items.some((i) => i.phase === 1 && i.state === 'done')).toBe(true);
      }
      expect(ws.readFile('shipshape-history.jsonl').trim().split('\n')).toHaveLength(2);
    });
  });

  check('the dashboard opens in headless chromium with every enrolled project and no console error', async () => {
    const browser = await launchChromium();
    try {
      const { page, errors } = await openPage(browser, `file://${join(ws.root, 'reports/shipshape/dashboard.html')}`);
      expect(errors).toEqual([]);
      const shown = await page.locator('[data-project]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')));
      expect([...shown].sort()).toEqual(enrolled);
      await page.screenshot({ path: join(__dirname, '../../tmp/pipeline-dashboard.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
