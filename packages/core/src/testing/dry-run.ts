import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Tree } from '@nx/devkit';
import { tempWorkspace } from './temp-workspace';

/** Every file's content hash under a folder: what "nothing was written" is checked against. */
function snapshotDisk(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path), createHash('sha1').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(root);
  return files;
}

/** The Tree's pending changes, by path: what a second run must leave as they are. */
function snapshotChanges(tree: Tree): Map<string, string> {
  return new Map(
    tree
      .listChanges()
      .map((change) => [change.path, `${change.type}:${change.content ? createHash('sha1').update(change.content).digest('hex') : ''}`]),
  );
}

/** A Tree over a real folder, as `nx g` makes one: it reads the disk and keeps every write pending until flushed (never here). */
function diskTree(root: string): Tree {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Nx's own Tree over a folder; @nx/devkit exposes only virtual ones
  const { FsTree } = require('nx/src/generators/tree') as { FsTree: new (root: string, verbose: boolean) => Tree };
  return new FsTree(root, false);
}

/**
 * Runs `run` twice on Nx's own Tree over the folder `root`, never flushed (what `nx g --dry-run` does): the paths the
 * first run changed, sorted, and the problems: a file of the folder written outside the Tree (then `--dry-run` is
 * not clean), or a second run that changed the Tree again (not idempotent). `name` names the generator in them.
 */
export async function dryRunProblems(
  root: string,
  name: string,
  run: (tree: Tree) => unknown,
): Promise<{ changed: string[]; problems: string[] }> {
  const before = snapshotDisk(root);
  const written = () => {
    const after = snapshotDisk(root);
    return [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file));
  };
  const tree = diskTree(root);
  await run(tree);
  const problems: string[] = [];
  const writtenFirst = written();
  if (writtenFirst.length > 0)
    problems.push(`${name} wrote to the disk outside the Tree (so --dry-run is not clean): ${writtenFirst.join(', ')}`);
  const firstRun = snapshotChanges(tree);
  await run(tree);
  const second = snapshotChanges(tree);
  const changedAgain = [...new Set([...firstRun.keys(), ...second.keys()])].filter((path) => firstRun.get(path) !== second.get(path));
  if (changedAgain.length > 0) problems.push(`${name} is not idempotent: a second run changed ${changedAgain.join(', ')}`);
  const writtenSecond = writtenFirst.length > 0 ? [] : written();
  if (writtenSecond.length > 0)
    problems.push(`${name} wrote to the disk outside the Tree on a second run (so --dry-run is not clean): ${writtenSecond.join(', ')}`);
  return { changed: [...firstRun.keys()].sort(), problems };
}

/**
 * Proves, in a spec, what every fix generator promises on a workspace holding `files`: a `--dry-run` writes
 * nothing (the runs, on Nx's own Tree over a temporary folder of those files, leave every file byte for byte), the
 * first run changes something (a dry run that changes nothing proves nothing), and a second run changes nothing
 * more (idempotent). The generator runs once per schema, in order, then all of them again. Returns the paths the
 * first runs changed, sorted, for the spec to assert; throws (failing the spec) with what went wrong otherwise. The
 * folder is removed afterwards.
 */
export async function expectIdempotentAndDryRunSafe<Schema>(
  generator: (tree: Tree, schema: Schema) => unknown,
  files: Record<string, string | Buffer>,
  ...schemas: [Schema, ...Schema[]]
): Promise<string[]> {
  const name = generator.name || 'the generator';
  const workspace = tempWorkspace(files);
  try {
    const { changed, problems } = await dryRunProblems(workspace.root, name, async (tree) => {
      for (const schema of schemas) await generator(tree, schema);
    });
    if (problems.length > 0) throw new Error(problems.join('\n'));
    if (changed.length === 0)
      throw new Error(`${name} changed nothing in the workspace given: a dry run that changes nothing proves nothing`);
    return changed;
  } finally {
    workspace.remove();
  }
}
