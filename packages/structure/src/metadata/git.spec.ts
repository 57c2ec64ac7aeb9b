import { execFileSync } from 'node:child_process';
import { ShipshapeWorkspace } from '@shipshape/core';
import { diskSource, resolveOptions } from '@shipshape/core/engine';
import { tempWorkspace } from '@shipshape/core/testing';
import { trackedFiles } from './git';

describe('trackedFiles', () => {
  const ws = tempWorkspace({
    'packages/pkg-1/package.json': '{}\n',
    'packages/pkg-1/dist/index.js': '\n',
    'packages/pkg-10/package.json': '{}\n',
    'packages/pkg-10/src/a.ts': '\n',
    'packages/pkg-1-extra/package.json': '{}\n',
    'other/untracked.txt': '\n',
  });
  beforeAll(() => {
    execFileSync('git', ['init', '-q'], { cwd: ws.root });
    execFileSync('git', ['add', 'packages'], { cwd: ws.root });
  });
  afterAll(() => ws.remove());

  const nodes = ['pkg-1', 'pkg-10', 'pkg-1-extra'].map((name) => ({ name, root: `packages/${name}` }));
  const workspace = (batch: typeof nodes) =>
    new ShipshapeWorkspace({ source: diskSource(ws.root), options: resolveOptions({}, 'test'), batch });

  it('gives each project of a batch what git tracks under its root, as a project audited alone gets it', () => {
    const alone = nodes.map((node) => workspace([]).project(node).get(trackedFiles));
    const batch = workspace(nodes);
    const together = nodes.map((node) => batch.project(node).get(trackedFiles));
    expect(together).toEqual(alone.map((files) => files && [...files].sort()));
    expect(together[0]).toEqual(['packages/pkg-1/dist/index.js', 'packages/pkg-1/package.json']);
    expect(together[1]).toEqual(['packages/pkg-10/package.json', 'packages/pkg-10/src/a.ts']);
  });
});
