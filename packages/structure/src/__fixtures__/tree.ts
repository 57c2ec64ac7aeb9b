import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { logger, type Tree } from '@nx/devkit';

/** Copies a fixture folder into the tree under `root`. */
export function addFixture(tree: Tree, fixtureDir: string, root: string): void {
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else tree.write(join(root, relative(fixtureDir, path)).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(fixtureDir);
}

/** Writes the tree's files under `root` to a temporary folder, runs `use` on it, and removes it (once `use`'s promise settles). */
export function withFilesOnDisk<T>(tree: Tree, root: string, use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-tree-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  let pending = false;
  try {
    const walk = (path: string) => {
      for (const name of tree.children(path)) {
        const child = path === '' || path === '.' ? name : `${path}/${name}`;
        if (tree.isFile(child)) {
          const target = join(dir, relative(root, child));
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, tree.read(child)!);
        } else walk(child);
      }
    };
    walk(root);
    const result = use(dir);
    if (result instanceof Promise) {
      pending = true;
      return result.finally(remove) as T;
    }
    return result;
  } finally {
    if (!pending) remove();
  }
}

/** `tsc --noEmit -p <dir or tsconfig>`: the compiler's output, empty when the project compiles. */
export function typeCheck(dir: string): string {
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

/** Imports modules with the user's python3 (`sys.path` starting at `pathEntry`) and prints the given expression as JSON. */
export function pythonImport(dir: string, pathEntry: string, statements: string, expression: string): unknown {
  const code = `import json, sys\nsys.path.insert(0, ${JSON.stringify(join(dir, pathEntry))})\n${statements}\nprint(json.dumps(${expression}))`;
  return JSON.parse(execFileSync('python3', ['-I', '-B', '-c', code], { encoding: 'utf8', cwd: dir }));
}

/**
 * What the generators of a describe block tell the user (`logger.info` / `logger.warn`), captured instead of
 * printed, fresh for every test.
 */
export function generatorLogs(): { info: string[]; warnings: string[] } {
  const logs = { info: [] as string[], warnings: [] as string[] };
  beforeEach(() => {
    logs.info.length = 0;
    logs.warnings.length = 0;
    jest.spyOn(logger, 'info').mockImplementation((message) => void logs.info.push(String(message)));
    jest.spyOn(logger, 'warn').mockImplementation((message) => void logs.warnings.push(String(message)));
  });
  afterEach(() => jest.restoreAllMocks());
  return logs;
}

/** The tree's pending changes: path and content. */
export const changesOf = (tree: Tree): Array<[string, string | undefined]> => tree.listChanges().map((c) => [c.path, c.content?.toString()]);

/** Runs a generator twice: the second run must change nothing. */
export async function expectIdempotent(tree: Tree, run: () => Promise<unknown>): Promise<void> {
  await run();
  const once = changesOf(tree);
  await run();
  expect(changesOf(tree)).toEqual(once);
}
