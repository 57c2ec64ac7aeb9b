import { diskSource } from '../../file-system/file-source';
import { resolveOptions } from '../../config/options';
import { tempWorkspace } from '../../testing/temp-workspace';
import { ShipshapeWorkspace } from '../shipshape-workspace';
import { defineBatchShared } from './batch-shared';

describe('defineBatchShared', () => {
  // each project: its kind (the key) and its size (lines)
  const ws = tempWorkspace({
    'libs/a/kind.txt': 'ts\n1\n',
    'libs/b/kind.txt': 'ts\n2\n',
    'libs/c/kind.txt': 'ts\n2\n',
    'libs/d/kind.txt': 'py\n1\n',
    'libs/e/kind.txt': 'none\n',
    'libs/f/kind.txt': 'broken\n',
  });
  afterAll(() => ws.remove());
  const nodes = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name, root: `libs/${name}` }));
  const workspace = (batch = nodes) => new ShipshapeWorkspace({ source: diskSource(ws.root), options: resolveOptions({}, 'test'), batch });

  /** The value lists the projects it was built for; `builds` records each build. */
  function shared(id: string) {
    const builds: string[][] = [];
    const fact = defineBatchShared({
      id,
      member: (project) => {
        const [kind, size] = (project.workspace.source.read(`${project.root}/kind.txt`) ?? '').trim().split('\n');
        if (kind === 'broken') throw new Error(`${project.root}/kind.txt is broken`);
        return { kind, size: Number(size ?? 0) };
      },
      key: (member) => (member.kind === 'none' ? undefined : member.kind),
      size: (member) => member.size,
      build: (members) => {
        const names = members.map(({ project }) => project.name);
        builds.push(names);
        return { names };
      },
      partLimit: 3,
    });
    return { fact, builds };
  }

  it('builds one value per part of the projects with the same key, one part at a time, in the batch order', () => {
    const { fact, builds } = shared('test/shared-parts');
    const run = workspace();
    const values = nodes.slice(0, 5).map((node) => run.project(node).get(fact).names);
    // a (1) and b (2) fill a part of 3; c starts the next; d has another key; e has none: its own
    expect(values).toEqual([['a', 'b'], ['a', 'b'], ['c'], ['d'], ['e']]);
    expect(builds).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
    expect(run.project(nodes[0]).get(fact)).toBe(run.project(nodes[1]).get(fact));
  });

  it('builds a part again when a project of an earlier part asks after another part was built', () => {
    const { fact, builds } = shared('test/shared-again');
    const run = workspace();
    run.project(nodes[0]).get(fact);
    run.project(nodes[2]).get(fact);
    run.project(nodes[1]).get(fact);
    expect(builds).toEqual([['a', 'b'], ['c'], ['a', 'b']]);
  });

  it("builds a project's own value when its part's cannot be built: a failure is the project's own", () => {
    const builds: string[][] = [];
    const fact = defineBatchShared({
      id: 'test/shared-failing',
      member: (project) => project.name,
      key: () => 'all',
      size: () => 1,
      build: (members) => {
        const names = members.map(({ project }) => project.name);
        builds.push(names);
        if (names.length > 1) throw new Error('the part cannot be built');
        return names;
      },
      partLimit: 2,
    });
    const run = workspace(nodes.slice(0, 2));
    expect(run.project(nodes[0]).get(fact)).toEqual(['a']);
    expect(run.project(nodes[1]).get(fact)).toEqual(['b']);
    expect(builds).toEqual([['a', 'b'], ['a'], ['b']]);
  });

  it('gives each project its own value outside a batch, and leaves the failure of a broken project to it', () => {
    const { fact, builds } = shared('test/shared-alone');
    const alone = new ShipshapeWorkspace({ source: diskSource(ws.root), options: resolveOptions({}, 'test') });
    expect(alone.project(nodes[0]).get(fact).names).toEqual(['a']);
    expect(() => workspace().project(nodes[5]).get(fact)).toThrow('libs/f/kind.txt is broken');
    expect(builds).toEqual([['a']]);
  });
});
