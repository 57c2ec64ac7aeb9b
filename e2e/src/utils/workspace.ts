// A fresh Nx workspace created with create-nx-workspace, installing everything through the local
// registry: made once per Nx version and preset, and copied for each test file, which gets a workspace of
// its own: `const ws = await createTestWorkspace('audit')` in beforeAll,
// `ws.cleanup()` in afterAll.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { e2eContext, workspaceEnv, type E2eContext } from './env';
import { killRunningCommands, run, type RunOptions, type RunResult } from './run';

export interface CreateWorkspaceOptions {
  /** create-nx-workspace preset (default 'ts': npm workspaces, TS project references). */
  preset?: string;
  /** Nx version of create-nx-workspace (default: the nx devDependency of this repository). */
  nxVersion?: string;
  /** Extra create-nx-workspace arguments. */
  args?: string[];
}

export interface ProjectNode {
  name: string;
  type: string;
  data: { root: string; name?: string; targets?: Record<string, any>; [key: string]: any };
}

export interface TestWorkspace {
  ctx: E2eContext;
  /** Absolute path of the workspace root. */
  root: string;
  env: NodeJS.ProcessEnv;
  path(...parts: string[]): string;
  exists(relativePath: string): boolean;
  readFile(relativePath: string): string;
  readJson<T = any>(relativePath: string): T;
  writeFile(relativePath: string, content: string): void;
  writeJson(relativePath: string, value: unknown): void;
  /** Any command, in the workspace root, with the e2e environment. */
  run(command: string, args: string[], options?: Partial<RunOptions>): Promise<RunResult>;
  /** `npx nx <args>` in the workspace root. */
  nx(args: string[], options?: Partial<RunOptions>): Promise<RunResult>;
  /** The project graph nodes (`nx graph --file`), keyed by project name. */
  projects(): Promise<Record<string, ProjectNode>>;
  /** The project whose root is `root` (workspace-relative), or throws. */
  projectAt(root: string): Promise<ProjectNode>;
  /** Kills leftover commands and removes the workspace (unless KEEP_E2E=1). */
  cleanup(): void;
}

function defaultNxVersion(ctx: E2eContext): string {
  const manifest = JSON.parse(readFileSync(join(ctx.repoRoot, 'package.json'), 'utf8'));
  const range: string = manifest.devDependencies?.nx ?? 'latest';
  return range.replace(/^[\^~]/, '');
}

/**
 * A fresh workspace made by create-nx-workspace through the local registry, once per Nx version and preset
 * and e2e run (the suites run one after the other, so the first to ask makes it).
 */
async function templateWorkspace(ctx: E2eContext, nxVersion: string, options: CreateWorkspaceOptions): Promise<string> {
  const key = createHash('sha1')
    .update(JSON.stringify([nxVersion, options.preset ?? 'ts', options.args ?? []]))
    .digest('hex')
    .slice(0, 10);
  const parent = join(ctx.tmp, `template-${key}`);
  const root = join(parent, 'ws');
  if (existsSync(join(root, 'nx.json'))) return root;
  rmSync(parent, { recursive: true, force: true });
  const commandTmp = join(parent, 'tmp');
  mkdirSync(commandTmp, { recursive: true });
  const env = workspaceEnv(ctx, { TMPDIR: commandTmp, TMP: commandTmp, TEMP: commandTmp });
  await run(
    'npx',
    [
      '--yes',
      `create-nx-workspace@${nxVersion}`,
      'ws',
      `--preset=${options.preset ?? 'ts'}`,
      '--nxCloud=skip',
      '--packageManager=npm',
      '--no-interactive',
      ...(options.args ?? []),
    ],
    { cwd: parent, env },
  );
  if (!existsSync(join(root, 'nx.json'))) throw new Error(`create-nx-workspace did not create ${root}/nx.json`);
  return root;
}

export async function createTestWorkspace(name: string, options: CreateWorkspaceOptions = {}): Promise<TestWorkspace> {
  const ctx = e2eContext();
  mkdirSync(ctx.tmp, { recursive: true });
  const parent = mkdtempSync(join(ctx.tmp, `${name}-`));
  const root = join(parent, 'ws');
  // Every temporary file of the commands (create-nx-workspace leaves its sandbox install in
  // $TMPDIR) goes into the test's folder, and goes away with it.
  const commandTmp = join(parent, 'tmp');
  mkdirSync(commandTmp);
  const env = workspaceEnv(ctx, { TMPDIR: commandTmp, TMP: commandTmp, TEMP: commandTmp });
  const nxVersion = options.nxVersion ?? defaultNxVersion(ctx);

  const ws: TestWorkspace = {
    ctx,
    root,
    env,
    path: (...parts) => join(root, ...parts),
    exists: (rel) => existsSync(join(root, rel)),
    readFile: (rel) => readFileSync(join(root, rel), 'utf8'),
    readJson: (rel) => JSON.parse(readFileSync(join(root, rel), 'utf8')),
    writeFile(rel, content) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), content);
    },
    writeJson(rel, value) {
      ws.writeFile(rel, `${JSON.stringify(value, null, 2)}\n`);
    },
    run: (command, args, runOptions = {}) => run(command, args, { cwd: root, env, ...runOptions }),
    nx: (args, runOptions = {}) => run('npx', ['nx', ...args], { cwd: root, env, ...runOptions }),
    async projects() {
      const file = join(parent, `graph-${process.pid}.json`);
      await ws.nx(['graph', `--file=${file}`]);
      const graph = JSON.parse(readFileSync(file, 'utf8'));
      rmSync(file, { force: true });
      return graph.graph.nodes as Record<string, ProjectNode>;
    },
    async projectAt(projectRoot) {
      const nodes = Object.values(await ws.projects());
      const node = nodes.find((n) => n.data.root === projectRoot);
      if (!node) {
        throw new Error(`no project at ${projectRoot}; projects: ${nodes.map((n) => `${n.name} (${n.data.root})`).join(', ')}`);
      }
      return node;
    },
    cleanup() {
      killRunningCommands();
      if (!ctx.keep) rmSync(parent, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      else process.stderr.write(`  [e2e] KEEP_E2E=1: workspace kept at ${root}\n`);
    },
  };

  // One create-nx-workspace per Nx version and preset for the whole run: every suite starts from its own copy.
  const template = await templateWorkspace(ctx, nxVersion, options);
  cpSync(template, root, { recursive: true, verbatimSymlinks: true, filter: (source) => !source.startsWith(join(template, '.nx')) });
  if (!existsSync(join(root, 'nx.json'))) throw new Error(`create-nx-workspace did not create ${root}/nx.json`);

  // The workspace keeps using the local registry on its own (also when kept with KEEP_E2E=1).
  const hostPath = ctx.registry.replace(/^https?:/, '');
  ws.writeFile('.npmrc', `registry=${ctx.registry}/\n${hostPath}/:_authToken=dummy\n`);
  return ws;
}
