import { diskSource } from '../../file-system/file-source';
import { resolveOptions } from '../../config/options';
import { tempWorkspace } from '../../testing/temp-workspace';
import { ShipshapeWorkspace } from '../shipshape-workspace';
import { defineBatchedFilePass } from './batched-file-pass';

describe('defineBatchedFilePass', () => {
  const ws = tempWorkspace({
    'libs/a/a.txt': 'alpha\n',
    'libs/b/b.txt': 'beta\n',
    'libs/c/c.txt': 'broken\n',
  });
  afterAll(() => ws.remove());
  const nodes = ['a', 'b', 'c'].map((name) => ({ name, root: `libs/${name}` }));
  const workspace = (batch = nodes) => new ShipshapeWorkspace({ source: diskSource(ws.root), options: resolveOptions({}, 'test'), batch });

  /** A pass that upper-cases each file, records what each run was given, and fails on a file that says "broken". */
  function pass(id: string) {
    const runs: string[][] = [];
    const fact = defineBatchedFilePass<string>({
      id,
      sources: (project) => {
        const file = `${project.root}/${project.name}.txt`;
        return { [file]: project.workspace.source.read(file) ?? '' };
      },
      run: (_workspace, sources) => {
        runs.push(Object.keys(sources).sort());
        if (Object.values(sources).some((text) => text.includes('broken'))) return Promise.reject(new Error('the pass broke'));
        return Promise.resolve(Object.fromEntries(Object.entries(sources).map(([file, text]) => [file, text.trim().toUpperCase()])));
      },
    });
    return { fact, runs };
  }

  it('runs once over the files of every project of a batch, and gives each project its own files', async () => {
    const { fact, runs } = pass('test/upper-batch');
    const run = workspace(nodes.slice(0, 2));
    expect(await run.project(nodes[0]).get(fact)).toEqual({ 'libs/a/a.txt': 'ALPHA' });
    expect(await run.project(nodes[1]).get(fact)).toEqual({ 'libs/b/b.txt': 'BETA' });
    expect(runs).toEqual([['libs/a/a.txt', 'libs/b/b.txt']]);
  });

  it('runs a project alone when the batch run fails: the project that breaks it gets its own failure', async () => {
    const { fact, runs } = pass('test/upper-fallback');
    const run = workspace();
    expect(await run.project(nodes[0]).get(fact)).toEqual({ 'libs/a/a.txt': 'ALPHA' });
    await expect(run.project(nodes[2]).get(fact)).rejects.toThrow('the pass broke');
    expect(runs).toEqual([['libs/a/a.txt', 'libs/b/b.txt', 'libs/c/c.txt'], ['libs/a/a.txt'], ['libs/c/c.txt']]);
  });

  it('runs a project alone outside a batch', async () => {
    const { fact, runs } = pass('test/upper-alone');
    const run = workspace([]);
    expect(await run.project(nodes[1]).get(fact)).toEqual({ 'libs/b/b.txt': 'BETA' });
    expect(runs).toEqual([['libs/b/b.txt']]);
  });
});
