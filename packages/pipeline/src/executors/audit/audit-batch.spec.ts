import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '@shipshape/core/testing';
import { DEMO_CHECKS } from './__fixtures__/demo-checks';
import auditExecutor from './audit';
import auditBatchExecutor from './audit-batch';

describe('the audit in batch mode', () => {
  const ws = tempWorkspace({
    ...DEMO_CHECKS,
    'libs/a/package.json': '{\n  "name": "a"\n}\n',
    'libs/b/package.json': '{\n  "name": "b",\n  "license": "MIT"\n}\n',
    'libs/c/package.json': '{\n  "name": "c"\n}\n',
    // eight findings of one check per project
    'many/package.json': '{"name":"many-checks","shipshape":{"checks":"./index.js"}}',
    'many/index.js': `exports.checks = [{
  id: 'demo/many', title: 'many', planItem: 'structure/package-metadata', languages: ['typescript'], severity: 'warning',
  run: (project) => [1, 2, 3, 4, 5, 6, 7, 8].map((line) => ({ message: 'finding ' + line, file: project.file('package.json'), key: 'k' + line, line, column: 1 })),
}];\n`,
  });
  afterAll(() => ws.remove());

  const projects = { a: { root: 'libs/a' }, b: { root: 'libs/b' }, c: { root: 'libs/c' } };
  const context = (projectName?: string): ExecutorContext => ({
    root: ws.root,
    cwd: ws.root,
    isVerbose: false,
    projectName,
    targetName: 'audit',
    projectsConfigurations: { version: 2, projects },
    nxJsonConfiguration: {},
    projectGraph: { nodes: {}, dependencies: {} },
  });
  const task = (project: string) => ({
    id: `${project}:audit`,
    target: { project, target: 'audit' },
    overrides: {},
    outputs: [],
    parallelism: true,
  });
  const taskGraph = {
    roots: [],
    dependencies: {},
    tasks: Object.fromEntries(['a', 'b', 'c'].map((p) => [`${p}:audit`, task(p)])),
  } as unknown as TaskGraph;
  const report = (root: string) => readFileSync(join(ws.root, 'reports/shipshape', root, 'audit.json'), 'utf8');

  beforeEach(() => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('audits every task of the batch with its own options, and gives each its result and output', async () => {
    // What Nx 23 passes as overrides in batch mode when nothing is given on the command line.
    const overrides = { __overrides_unparsed__: [] } as never;
    const inputs = {
      'a:audit': { packages: ['./checks'] },
      'b:audit': { packages: ['./checks'] },
      'c:audit': { packages: ['./checks'], failOn: 'warning' as const },
    };
    const results: Record<string, { success: boolean; terminalOutput: string }> = {};
    for await (const { task: id, result } of auditBatchExecutor(taskGraph, inputs, overrides, context())) results[id] = result;
    expect(Object.keys(results).sort()).toEqual(['a:audit', 'b:audit', 'c:audit']);
    expect(results['a:audit'].success).toBe(true);
    expect(results['c:audit'].success).toBe(false);
    expect(results['a:audit'].terminalOutput).toContain('no license');
    expect(results['b:audit'].terminalOutput).toContain('Reports: reports/shipshape/libs/b/audit.json');
  });

  it('lists listPerCheck findings of a check per project, from the target options or the command line', async () => {
    const run = async (overrides: object) => {
      const inputs = { 'a:audit': { packages: ['./many'], listPerCheck: 3 }, 'b:audit': { packages: ['./many'] } };
      const outputs: Record<string, string> = {};
      for await (const { task: id, result } of auditBatchExecutor(taskGraph, inputs, overrides as never, context()))
        outputs[id] = result.terminalOutput;
      return outputs;
    };
    const listed = (output: string) => output.split('\n').filter((line) => /finding \d/.test(line)).length;
    const given = await run({});
    expect(listed(given['a:audit'])).toBe(3);
    expect(given['a:audit']).toContain('    … 5 more [demo/many], all listed in reports/shipshape/libs/a/audit.md');
    expect(listed(given['b:audit'])).toBe(5);
    expect(given['b:audit']).toContain('    … 3 more [demo/many], all listed in reports/shipshape/libs/b/audit.md');
    const all = await run({ listPerCheck: 0 });
    expect([listed(all['a:audit']), listed(all['b:audit'])]).toEqual([8, 8]);
    expect(all['a:audit']).not.toContain('more [demo/many]');
    expect(JSON.parse(report('libs/a')).findings).toHaveLength(8);
    // quiet: only what fails the gate (these warnings do not), the rest counted; the reports keep every finding
    const quiet = await run({ quiet: true });
    expect([listed(quiet['a:audit']), listed(quiet['b:audit'])]).toEqual([0, 0]);
    expect(quiet['a:audit']).toContain('  … 8 findings that do not fail the gate, all listed in reports/shipshape/libs/a/audit.md');
    expect(quiet['a:audit']).toContain('Reports: reports/shipshape/libs/a/audit.json');
    expect(JSON.parse(report('libs/a')).findings).toHaveLength(8);
    const failing = await run({ quiet: true, failOn: 'warning' });
    expect(listed(failing['b:audit'])).toBe(8);
    expect(failing['b:audit']).not.toContain('that do not fail the gate');
  });

  it('writes reports identical to those of one audit per process', async () => {
    const batch = Object.fromEntries(['a', 'b'].map((p) => [p, '']));
    for await (const _ of auditBatchExecutor(
      taskGraph,
      { 'a:audit': { packages: ['./checks'] }, 'b:audit': { packages: ['./checks'] } },
      {},
      context(),
    ))
      void _;
    for (const p of Object.keys(batch)) batch[p] = report(projects[p as 'a' | 'b'].root);
    rmSync(join(ws.root, 'reports'), { recursive: true, force: true });
    for (const p of Object.keys(batch)) await auditExecutor({ packages: ['./checks'] }, context(p));
    for (const p of Object.keys(batch)) expect(report(projects[p as 'a' | 'b'].root)).toBe(batch[p]);
  });

  it('fails only the task whose options are invalid, with one message', async () => {
    const results: Record<string, { success: boolean; terminalOutput: string }> = {};
    const inputs = { 'a:audit': { packages: ['./checks'], failOn: 'sometimes' as never }, 'b:audit': { packages: ['./checks'] } };
    for await (const { task: id, result } of auditBatchExecutor(taskGraph, inputs, {}, context())) results[id] = result;
    expect(results['a:audit']).toEqual({
      success: false,
      terminalOutput: expect.stringMatching(/^Shipshape: invalid Shipshape options in the audit options of a .*"failOn" must be one of/),
    });
    expect(results['b:audit'].success).toBe(true);
  });
});
