import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { tempWorkspace } from '../testing/temp-workspace';
import { parseDiagnostics, TSC_DIAGNOSTICS } from './diagnostics';
import { defineToolExecutor } from './tool-executor';

const typecheck = defineToolExecutor<{ timeoutSeconds?: number }>({
  tool: { kind: 'npm', name: 'tsc', bin: 'tsc', package: 'typescript' },
  args: () => ['--noEmit', '--pretty', 'false', '-p', 'tsconfig.json'],
  findings: (run, at) => parseDiagnostics(run.stdout, TSC_DIAGNOSTICS, { workspaceRoot: at.workspaceRoot, cwd: at.cwd }),
});

const slow = defineToolExecutor<{ timeoutSeconds?: number }>({
  tool: { kind: 'npm', name: 'slow-tool', bin: 'slow-tool', package: 'slow-tool' },
  args: () => [],
  findings: () => [],
});

describe('defineToolExecutor', () => {
  const ws = tempWorkspace({
    'libs/a/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['src'] }),
    'libs/a/src/index.ts': 'export const n: number = "not a number";\n',
    'libs/b/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['src'] }),
    'libs/b/src/index.ts': 'export const n: number = 1;\n',
    'node_modules/.bin/slow-tool': '#!/bin/sh\nsleep 30\n',
  });
  beforeAll(() => {
    chmodSync(join(ws.root, 'node_modules/.bin/slow-tool'), 0o755);
    symlinkSync(require.resolve('typescript/bin/tsc'), join(ws.root, 'node_modules/.bin/tsc'));
  });
  afterAll(() => ws.remove());

  let output: string[];
  beforeEach(() => {
    output = [];
    jest.spyOn(console, 'log').mockImplementation((...args) => void output.push(args.join(' ')));
    jest.spyOn(console, 'error').mockImplementation((...args) => void output.push(args.join(' ')));
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  const context = (root: string, project: string): ExecutorContext =>
    ({
      root,
      cwd: root,
      isVerbose: false,
      projectName: project,
      projectsConfigurations: { version: 2, projects: { [project]: { root: `libs/${project}` } } },
    }) as unknown as ExecutorContext;

  it("runs the user's installed tool and turns its report into findings with file and line", async () => {
    const failed = await typecheck({}, context(ws.root, 'a'));
    expect(failed.success).toBe(false);
    expect(failed.findings).toEqual([
      expect.objectContaining({
        file: 'libs/a/src/index.ts',
        line: 1,
        column: 14,
        severity: 'error',
        message: expect.stringMatching(/^Type 'string' is not assignable to type 'number'\. \(TS2322\)$/),
      }),
    ]);
    expect(output).toContain("libs/a/src/index.ts:1:14 error Type 'string' is not assignable to type 'number'. (TS2322)");
    expect((await typecheck({}, context(ws.root, 'b'))).success).toBe(true);
  }, 60_000);

  it('says how to install a tool that is missing', async () => {
    const bare = tempWorkspace({ 'libs/a/tsconfig.json': '{}' });
    try {
      expect((await typecheck({}, context(bare.root, 'a'))).success).toBe(false);
      expect(output).toEqual(['Shipshape: tsc is not installed in this workspace; install it with: npm install -D typescript']);
    } finally {
      bare.remove();
    }
  });

  it('stops a tool that runs past its time and says so', async () => {
    mkdirSync(join(ws.root, 'libs/slow'), { recursive: true });
    const started = Date.now();
    expect((await slow({ timeoutSeconds: 1 }, context(ws.root, 'slow'))).success).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(output).toEqual(['slow-tool ran longer than 1 s and was stopped (set timeoutSeconds to allow more).']);
  }, 20_000);
});
