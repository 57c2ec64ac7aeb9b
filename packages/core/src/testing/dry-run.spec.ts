import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { expectIdempotentAndDryRunSafe } from './dry-run';

interface Schema {
  project: string;
}

const FILES = { 'libs/a/README.md': '# a\n', 'libs/b/README.md': '# b\n' };

/** Adds a line to the project's README once: idempotent, and only through the Tree. */
function addLine(tree: Tree, { project }: Schema): void {
  const path = `libs/${project}/README.md`;
  const text = tree.read(path, 'utf-8') ?? '';
  if (!text.includes('Added.\n')) tree.write(path, `${text}\nAdded.\n`);
}

describe('expectIdempotentAndDryRunSafe', () => {
  it('passes a generator that writes only through the Tree, once, and returns what the runs changed, sorted', async () => {
    const roots: string[] = [];
    const generator = (tree: Tree, schema: Schema) => {
      roots.push(tree.root);
      addLine(tree, schema);
    };
    expect(await expectIdempotentAndDryRunSafe(generator, FILES, { project: 'b' }, { project: 'a' })).toEqual([
      'libs/a/README.md',
      'libs/b/README.md',
    ]);
    // each schema run twice, on one Tree over one temporary folder, which is gone afterwards
    expect(roots).toHaveLength(4);
    expect(new Set(roots).size).toBe(1);
    expect(existsSync(roots[0])).toBe(false);
  });

  it('fails a generator that writes to the disk behind the Tree (a --dry-run that is not one)', async () => {
    const generator = function writesToDisk(tree: Tree, schema: Schema) {
      addLine(tree, schema);
      writeFileSync(join(tree.root, 'libs/a/notes.md'), 'written\n');
    };
    await expect(expectIdempotentAndDryRunSafe(generator, FILES, { project: 'a' })).rejects.toThrow(
      /writesToDisk wrote to the disk outside the Tree \(so --dry-run is not clean\): libs\/a\/notes\.md/,
    );
  });

  it('fails a generator that writes to the disk behind the Tree on its second run only', async () => {
    let runs = 0;
    const generator = function secondTime(tree: Tree, schema: Schema) {
      addLine(tree, schema);
      if (++runs === 2) writeFileSync(join(tree.root, 'libs/a/README.md'), 'overwritten\n');
    };
    await expect(expectIdempotentAndDryRunSafe(generator, FILES, { project: 'a' })).rejects.toThrow(
      /secondTime wrote to the disk outside the Tree on a second run .*: libs\/a\/README\.md/,
    );
  });

  it('fails a generator whose second run changes the Tree again', async () => {
    const generator = function appends(tree: Tree, { project }: Schema) {
      const path = `libs/${project}/README.md`;
      tree.write(path, `${tree.read(path, 'utf-8')}\nAdded.\n`);
    };
    await expect(expectIdempotentAndDryRunSafe(generator, FILES, { project: 'a' })).rejects.toThrow(
      /appends is not idempotent: a second run changed libs\/a\/README\.md/,
    );
  });

  it('fails a generator whose second run takes back what the first did', async () => {
    const generator = function toggles(tree: Tree) {
      if (tree.exists('libs/a/new.md')) tree.delete('libs/a/new.md');
      else tree.write('libs/a/new.md', 'new\n');
    };
    await expect(expectIdempotentAndDryRunSafe(generator, FILES, { project: 'a' })).rejects.toThrow(
      /toggles is not idempotent: a second run changed libs\/a\/new\.md/,
    );
  });

  it('fails when the runs change nothing: a dry run of nothing proves nothing', async () => {
    const generator = (tree: Tree) => void tree.read('libs/a/README.md');
    await expect(expectIdempotentAndDryRunSafe(generator, FILES, { project: 'a' })).rejects.toThrow(
      'changed nothing in the workspace given: a dry run that changes nothing proves nothing',
    );
  });

  it('awaits an async generator before it looks', async () => {
    const generator = async (tree: Tree, schema: Schema) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      addLine(tree, schema);
    };
    expect(await expectIdempotentAndDryRunSafe(generator, FILES, { project: 'a' })).toEqual(['libs/a/README.md']);
  });
});
