import { resolveOptions } from '../config/options';
import { tempWorkspace } from '../testing/temp-workspace';
import { ShipshapeProject } from './project';
import { readWorkspaceGraph } from './workspace-graph';

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

describe('readWorkspaceGraph', () => {
  it("reads Nx's cached project graph: projects with root and tags, workspace edges only", () => {
    const ws = tempWorkspace({ '.nx/workspace-data/project-graph.json': JSON.stringify(nxGraph) });
    try {
      expect(readWorkspaceGraph(ws.root)).toEqual({
        projects: [
          { name: 'money', root: 'libs/money', tags: ['scope:billing'] },
          { name: 'invoices', root: 'libs/invoices', tags: [] },
        ],
        dependencies: { invoices: ['money'], money: [] },
      });
      const project = (root: string) => new ShipshapeProject({ name: 'x', root, workspaceRoot: ws.root, options: resolveOptions({}, 'test') });
      expect(project('libs/money').workspaceGraph()?.projects).toHaveLength(2);
      // A graph computed before the project existed is not this workspace's current graph.
      expect(project('libs/new').workspaceGraph()).toBeUndefined();
    } finally {
      ws.remove();
    }
  });

  it('is undefined without a graph, or with one that cannot be read', () => {
    const ws = tempWorkspace({ 'package.json': '{}' });
    try {
      expect(readWorkspaceGraph(ws.root)).toBeUndefined();
      ws.write({ '.nx/workspace-data/project-graph.json': '{ not json' });
      expect(readWorkspaceGraph(ws.root)).toBeUndefined();
    } finally {
      ws.remove();
    }
  });
});
