import type { ExecutorContext } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '@shipshape/core/testing';
import { DEMO_CHECKS } from './__fixtures__/demo-checks';
import auditExecutor from './audit';

describe('audit executor', () => {
  const ws = tempWorkspace({
    ...DEMO_CHECKS,
    'libs/a/package.json': '{\n  "name": "a"\n}\n',
  });
  afterAll(() => ws.remove());

  const context = (): ExecutorContext => ({
    root: ws.root,
    cwd: ws.root,
    isVerbose: false,
    projectName: 'a',
    targetName: 'audit',
    projectsConfigurations: { version: 2, projects: { a: { root: 'libs/a' } } },
    nxJsonConfiguration: {},
    projectGraph: { nodes: {}, dependencies: {} },
  });

  let output: string[];
  beforeEach(() => {
    output = [];
    jest.spyOn(console, 'log').mockImplementation((...args) => void output.push(args.join(' ')));
    jest.spyOn(console, 'error').mockImplementation((...args) => void output.push(args.join(' ')));
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes the three reports and passes when findings are below failOn', async () => {
    const result = await auditExecutor({ packages: ['./checks'] }, context());
    expect(result.success).toBe(true);
    const dir = join(ws.root, 'reports/shipshape/libs/a');
    const report = JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8'));
    expect(report.findings).toEqual([
      expect.objectContaining({ checkId: 'demo/license', file: 'libs/a/package.json', line: 1, status: 'new' }),
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'audit.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'audit.md'), 'utf8')).toContain('no license');
    expect(output.join('\n')).toContain('libs/a/package.json:1:1');
  });

  it('fails on a new finding at failOn, and passes once the baseline accepts it', async () => {
    expect((await auditExecutor({ packages: ['./checks'], failOn: 'warning' }, context())).success).toBe(false);
    expect((await auditExecutor({ packages: ['./checks'], failOn: 'warning', updateBaseline: true }, context())).success).toBe(true);
    expect(existsSync(join(ws.root, 'libs/a/.shipshape-baseline.json'))).toBe(true);
    expect((await auditExecutor({ packages: ['./checks'], failOn: 'warning' }, context())).success).toBe(true);
  });

  it('prints one message for invalid options, without a stack trace', async () => {
    const result = await auditExecutor({ packages: ['./checks'], failOn: 'loud' }, context());
    expect(result.success).toBe(false);
    expect(output).toEqual([
      expect.stringMatching(/^Shipshape: invalid Shipshape options in the audit options of a .*"failOn" must be one of/),
    ]);
    expect(output.join('\n')).not.toMatch(/\n\s+at /);
  });
});
