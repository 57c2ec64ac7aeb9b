import { resolveOptions } from '../../config/options';
import { diskSource } from '../../file-system/file-source';
import { filesOf } from '../../testing/files-of';
import { tempWorkspace } from '../../testing/temp-workspace';
import { ShipshapeWorkspace } from '../shipshape-workspace';
import { batchedPythonAnalysis, pythonAnalysis } from './python';

describe('the Python analysis of a batch', () => {
  const ws = tempWorkspace(
    filesOf(`
      == libs/a/pyproject.toml
      [project]
      name = "a"
      == libs/a/src/a/__init__.py
      import requests
      == libs/b/pyproject.toml
      [project]
      name = "b"
      == libs/b/src/b/__init__.py
      import yaml
      == libs/c/pyproject.toml
      [project]
      name = "c"
      == libs/c/src/c/__init__.py
      import attrs
    `),
  );
  afterAll(() => ws.remove());

  it('parses the files of every project of the batch in one run, and gives each project its own', async () => {
    const batch = [
      { name: 'a', root: 'libs/a' },
      { name: 'b', root: 'libs/b' },
    ];
    const workspace = new ShipshapeWorkspace({ source: diskSource(ws.root), options: resolveOptions({}, 'test'), batch });
    const [a, b] = batch.map((node) => workspace.project(node));
    expect(Object.keys((await a.get(pythonAnalysis)).files)).toEqual(['libs/a/src/a/__init__.py']);
    expect(Object.keys((await b.get(pythonAnalysis)).files)).toEqual(['libs/b/src/b/__init__.py']);
    expect(Object.keys((await workspace.get(batchedPythonAnalysis)).files).sort()).toEqual([
      'libs/a/src/a/__init__.py',
      'libs/b/src/b/__init__.py',
    ]);
    // A project outside the batch is parsed on its own, and the same way.
    const c = await workspace.project({ name: 'c', root: 'libs/c' }).get(pythonAnalysis);
    expect(c.files['libs/c/src/c/__init__.py'].imports.map((i) => i.module)).toEqual(['attrs']);
    expect((await a.get(pythonAnalysis)).files['libs/a/src/a/__init__.py'].imports.map((i) => i.module)).toEqual(['requests']);
  });
});
