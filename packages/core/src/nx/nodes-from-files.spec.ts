import type { CreateNodesContextV2 } from '@nx/devkit';
import { nodesFromFiles } from './nodes-from-files';

const context: CreateNodesContextV2 = { workspaceRoot: '/ws', nxJsonConfiguration: {} };

describe('nodesFromFiles', () => {
  it("gives each file's nodes in the files' order, without the files that have none, and the files to each call", () => {
    const seen: string[][] = [];
    const results = nodesFromFiles(
      (file, options: { name: string }, ctx) => {
        seen.push(ctx.configFiles as string[]);
        return file.startsWith('skip') ? undefined : { projects: { [file]: { name: `${options.name}-${file}` } } };
      },
      ['b', 'skip-me', 'a'],
      { name: 'p' },
      context,
    );
    expect(results).toEqual([
      ['b', { projects: { b: { name: 'p-b' } } }],
      ['a', { projects: { a: { name: 'p-a' } } }],
    ]);
    expect(seen).toEqual([
      ['b', 'skip-me', 'a'],
      ['b', 'skip-me', 'a'],
      ['b', 'skip-me', 'a'],
    ]);
  });

  it("throws every file's error at once in Nx's AggregateCreateNodesError, with the other files' results", () => {
    const { AggregateCreateNodesError } = jest.requireActual<typeof import('@nx/devkit')>('@nx/devkit');
    let thrown: unknown;
    try {
      nodesFromFiles(
        (file) => {
          if (file !== 'ok') throw new Error(`bad ${file}`);
          return { projects: { ok: {} } };
        },
        ['x', 'ok', 'y'],
        {},
        context,
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AggregateCreateNodesError);
    const aggregate = thrown as InstanceType<typeof AggregateCreateNodesError>;
    expect(aggregate.errors.map(([file, error]) => `${file}: ${error.message}`)).toEqual(['x: bad x', 'y: bad y']);
    expect(aggregate.partialResults).toEqual([['ok', { projects: { ok: {} } }]]);
  });

  it('does not load @nx/devkit when every file gives its nodes', () => {
    const loaded: string[] = [];
    jest.isolateModules(() => {
      jest.doMock('@nx/devkit', () => {
        loaded.push('@nx/devkit');
        return jest.requireActual('@nx/devkit');
      });
      const { nodesFromFiles: isolated } = jest.requireActual<typeof import('./nodes-from-files')>('./nodes-from-files');
      isolated(() => ({ projects: {} }), ['a'], {}, context);
      expect(loaded).toEqual([]);
      expect(() =>
        isolated(
          () => {
            throw new Error('bad');
          },
          ['a'],
          {},
          context,
        ),
      ).toThrow();
      expect(loaded).toEqual(['@nx/devkit']);
      jest.dontMock('@nx/devkit');
    });
  });
});
