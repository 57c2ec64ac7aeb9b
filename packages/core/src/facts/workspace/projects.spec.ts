import { filesOf } from '../../testing/files-of';
import { tempWorkspace } from '../../testing/temp-workspace';
import { diskProject } from '../../testing/projects';
import { readNxGraphFile, scanProjects } from './projects';
import { workspaceGraph } from './projects';
import { diskSource } from '../../file-system/file-source';

const nxGraph = {
  nodes: {
    money: { name: 'money', type: 'lib', data: { root: 'libs/money', tags: ['scope:billing'] } },
    invoices: { name: 'invoices', type: 'lib', data: { root: 'libs/invoices' } },
  },
  externalNodes: { 'npm:lodash': { name: 'npm:lodash' } },
  dependencies: {
    invoices: [
      { source: 'invoices', target: 'money', type: 'static' },
      { source: 'invoices', target: 'money', type: 'dynamic' },
      { source: 'invoices', target: 'npm:lodash', type: 'static' },
    ],
    money: [],
  },
};

describe('the workspace graph', () => {
  it("reads Nx's cached project graph: projects with root and tags, workspace edges only", () => {
    const ws = tempWorkspace({ '.nx/workspace-data/project-graph.json': JSON.stringify(nxGraph) });
    try {
      expect(readNxGraphFile(ws.root)).toEqual({
        projects: [
          { name: 'money', root: 'libs/money', tags: ['scope:billing'] },
          { name: 'invoices', root: 'libs/invoices', tags: [] },
        ],
        dependencies: { invoices: ['money'], money: [] },
      });
      expect(diskProject(ws.root, 'libs/money').get(workspaceGraph)).toMatchObject({
        from: 'nx-cache',
        projects: [{ name: 'money' }, { name: 'invoices' }],
      });
    } finally {
      ws.remove();
    }
  });

  it('without a graph (or with one that cannot be read), finds the projects by their manifests', () => {
    const ws = tempWorkspace(
      filesOf(`
        == libs/py/pyproject.toml
        [project]
        name = "acme-py"
        == package.json
        {}
        == libs/b/project.json
        {}
        == libs/a/package.json
        {"name":"@acme/a"}
      `),
    );
    try {
      expect(readNxGraphFile(ws.root)).toBeUndefined();
      ws.write({ '.nx/workspace-data/project-graph.json': '{ not json' });
      expect(readNxGraphFile(ws.root)).toBeUndefined();
      expect(scanProjects(diskSource(ws.root)).map((p) => [p.name, p.root])).toEqual([
        ['@acme/a', 'libs/a'],
        ['b', 'libs/b'],
        ['acme-py', 'libs/py'],
      ]);
    } finally {
      ws.remove();
    }
  });

  it('takes the graph an executor gives over anything on disk', () => {
    const ws = tempWorkspace({ '.nx/workspace-data/project-graph.json': JSON.stringify(nxGraph) });
    try {
      const graph = { projects: [{ name: 'only', root: 'libs/only' }], dependencies: {} };
      expect(diskProject(ws.root, 'libs/only', { graph }).get(workspaceGraph)).toEqual({ ...graph, from: 'given' });
    } finally {
      ws.remove();
    }
  });
});
