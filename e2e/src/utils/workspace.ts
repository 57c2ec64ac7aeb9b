// A fresh Nx workspace created with create-nx-workspace, installing everything through the local
// registry: made once per Nx version and preset, and copied for each test file, which gets a workspace of
// its own: `const ws = await createTestWorkspace('audit')` in beforeAll,
// `ws.cleanup()` in afterAll.
//
// The commands several suites start with (`nx g @nx/js:library packages/tslib`, `nx add @shipshape/pipeline`)
// are `setup` steps: each runs once per e2e run, for real, in a shared template (a copy of the one before it),
// and every suite that starts with the same steps gets a copy of the result, with the RunResult of each step
// (`ws.setup`) to assert on. Jest gives each test file a module registry of its own, so the templates are
// shared through the filesystem (the e2e temporary folder), not through module state; the suites run one at a
// time (--runInBand).
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
  /**
   * Commands the workspace starts with, in order, right after create-nx-workspace: run once per e2e run in a
   * shared template and copied (see the top of this file). Their results are `ws.setup`.
   */
  setup?: SetupStep[];
}

/** An Nx command (`nx <args>`, as `ws.nx` runs it) that a shared template runs. */
export interface SetupStep {
  nx: string[];
  /** Extra environment variables of the command. */
  env?: Record<string, string>;
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
  /**
   * The results of the `setup` steps, in order: the real runs of those commands, made once per e2e run in the
   * shared template this workspace was copied from.
   */
  setup: RunResult[];
  path(...parts: string[]): string;
  exists(relativePath: string): boolean;
  readFile(relativePath: string): string;
  readJson<T = any>(relativePath: string): T;
  writeFile(relativePath: string, content: string): void;
  writeJson(relativePath: string, value: unknown): void;
  /** Any command, in the workspace root, with the e2e environment. */
  run(command: string, args: string[], options?: Partial<RunOptions>): Promise<RunResult>;
  /**
   * `nx <args>` in the workspace root: the workspace's own nx (node_modules/.bin/nx, what `npx nx` runs, without
   * npx's start-up); `nx add` goes through `npx nx add`, as the Nx docs write it.
   */
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
async function templateWorkspace(
  ctx: E2eContext,
  nxVersion: string,
  options: CreateWorkspaceOptions,
): Promise<{ root: string; key: string }> {
  const key = createHash('sha1')
    .update(JSON.stringify([nxVersion, options.preset ?? 'ts', options.args ?? []]))
    .digest('hex')
    .slice(0, 10);
  const parent = join(ctx.tmp, `template-${key}`);
  const root = join(parent, 'ws');
  if (existsSync(join(root, 'nx.json'))) return { root, key };
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
  return { root, key };
}

/** A copy of a workspace without its .nx folder (Nx's cache and workspace data): a fresh start for Nx. */
function copyWorkspace(from: string, to: string): void {
  cpSync(from, to, { recursive: true, verbatimSymlinks: true, filter: (source) => !source.startsWith(join(from, '.nx')) });
}

/** The .npmrc that keeps a workspace on the local registry on its own (also when kept with KEEP_E2E=1). */
function writeNpmrc(ctx: E2eContext, root: string): void {
  const hostPath = ctx.registry.replace(/^https?:/, '');
  writeFileSync(join(root, '.npmrc'), `registry=${ctx.registry}/\n${hostPath}/:_authToken=dummy\n`);
}

/** How `ws.nx` runs Nx: the workspace's own nx, or npx for `nx add` (see TestWorkspace.nx). */
function nxCommand(root: string, args: string[]): [string, string[], { name?: string }] {
  return args[0] === 'add' ? ['npx', ['nx', ...args], {}] : [join(root, 'node_modules', '.bin', 'nx'), args, { name: 'nx' }];
}

const RESULT_FILE = 'result.json';

/**
 * The template `parent` plus one setup step: made once per e2e run (by the first suite that asks, the suites
 * running one at a time), a copy of `parent` in which the step ran. Its result file is written last: a template
 * without it (a failed or interrupted step) is made again.
 */
async function setupLayer(
  ctx: E2eContext,
  parent: { root: string; key: string },
  step: SetupStep,
): Promise<{ root: string; key: string; result: RunResult }> {
  const key = createHash('sha1')
    .update(JSON.stringify([parent.key, step.nx, step.env ?? {}]))
    .digest('hex')
    .slice(0, 10);
  const dir = join(ctx.tmp, `template-${key}`);
  const root = join(dir, 'ws');
  const resultFile = join(dir, RESULT_FILE);
  if (existsSync(resultFile)) {
    const result: RunResult = JSON.parse(readFileSync(resultFile, 'utf8'));
    process.stderr.write(`  [e2e] $ ${result.command}  (setup step, run once in the shared template ${root})\n`);
    return { root, key, result };
  }
  rmSync(dir, { recursive: true, force: true });
  const commandTmp = join(dir, 'tmp');
  mkdirSync(commandTmp, { recursive: true });
  copyWorkspace(parent.root, root);
  writeNpmrc(ctx, root);
  const env = workspaceEnv(ctx, { TMPDIR: commandTmp, TMP: commandTmp, TEMP: commandTmp, ...step.env });
  const [command, args, shown] = nxCommand(root, step.nx);
  const result = await run(command, args, { cwd: root, env, ...shown });
  writeFileSync(resultFile, JSON.stringify(result));
  return { root, key, result };
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
    setup: [],
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
    nx: (args, runOptions = {}) => {
      const [command, nxArgs, shown] = nxCommand(root, args);
      return run(command, nxArgs, { cwd: root, env, ...shown, ...runOptions });
    },
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

  // One create-nx-workspace per Nx version and preset for the whole run, then one template per setup step:
  // every suite starts from its own copy.
  let template = await templateWorkspace(ctx, nxVersion, options);
  for (const step of options.setup ?? []) {
    const layer = await setupLayer(ctx, template, step);
    ws.setup.push(layer.result);
    template = layer;
  }
  copyWorkspace(template.root, root);
  if (!existsSync(join(root, 'nx.json'))) throw new Error(`create-nx-workspace did not create ${root}/nx.json`);
  writeNpmrc(ctx, root);
  return ws;
}
