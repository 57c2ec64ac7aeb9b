// The lowest Nx of the packages' peer range (nx and @nx/devkit >=21 <24): a fresh Nx 21 workspace loads the
// plugin and runs an audit. The highest (23) is what every other suite runs on.
import { createTestWorkspace, type TestWorkspace } from './utils/workspace';
import { scenario, withOutput } from './utils/steps';

const NX_21 = '21.6.3';
const LIB = 'packages/lib';

describe('the lowest Nx of the peer range', () => {
  const { step } = scenario();
  let ws: TestWorkspace;
  let project: string;

  afterAll(() => ws?.cleanup());

  step(`creates a fresh Nx ${NX_21} workspace with a TS library`, async () => {
    ws = await createTestWorkspace('nx21', { nxVersion: NX_21 });
    expect(ws.readJson<{ version: string }>('node_modules/nx/package.json').version).toBe(NX_21);
    await ws.nx(['g', '@nx/js:library', LIB, '--bundler=tsc', '--unitTestRunner=none', '--linter=none', '--no-interactive']);
    expect(ws.exists(`${LIB}/package.json`)).toBe(true);
  });

  step('nx add @shipshape/pipeline loads the plugin: the library gets its audit target', async () => {
    const result = await ws.nx(['add', '@shipshape/pipeline']);
    withOutput(result, () => expect(result.output).not.toMatch(/Failed to (install|initialize)/));
    const node = await ws.projectAt(LIB);
    project = node.name;
    expect(node.data.targets?.audit).toMatchObject({ executor: '@shipshape/pipeline:audit', cache: true });
  });

  step('the audit runs on Nx 21 and writes its reports', async () => {
    const result = await ws.nx(['run', `${project}:audit`, '--output-style=static'], { allowFailure: true });
    withOutput(result, () => {
      const report = ws.readJson<{ schemaVersion: number; project: { name: string }; checks: unknown[] }>(
        `reports/shipshape/${LIB}/audit.json`,
      );
      expect(report).toMatchObject({ schemaVersion: 1, project: { name: project } });
      expect(report.checks.length).toBeGreaterThan(0);
      expect(result.output).not.toMatch(/failed unexpectedly|Cannot find module|is not a function/);
    });
  });
});
