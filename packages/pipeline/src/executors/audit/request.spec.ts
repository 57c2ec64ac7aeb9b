import type { ProjectGraph } from '@nx/devkit';
import { auditRequest } from './request';

describe('auditRequest', () => {
  const graph = {
    nodes: {
      a: { name: 'a', type: 'lib', data: { root: 'libs/a', tags: ['scope:a'] } },
      b: { name: 'b', type: 'lib', data: { root: 'libs/b' } },
    },
    dependencies: {
      a: [
        { source: 'a', target: 'b', type: 'static' },
        { source: 'a', target: 'npm:x', type: 'static' },
      ],
      b: [],
    },
  } as unknown as ProjectGraph;

  it("gives the requests of one Nx graph one engine graph, so that a batch's graph is sent once", () => {
    const a = auditRequest('/ws', { name: 'a', root: 'libs/a' }, {}, 'audit', graph);
    const b = auditRequest('/ws', { name: 'b', root: 'libs/b' }, {}, 'audit', graph);
    expect(a.graph).toBe(b.graph);
    expect(a.graph).toEqual({
      projects: [
        { name: 'a', root: 'libs/a', tags: ['scope:a'] },
        { name: 'b', root: 'libs/b', tags: [] },
      ],
      dependencies: { a: ['b'], b: [] },
    });
    const other = { ...graph, nodes: { a: graph.nodes.a } } as ProjectGraph;
    expect(auditRequest('/ws', { name: 'a', root: 'libs/a' }, {}, 'audit', other).graph?.projects).toHaveLength(1);
  });

  it('leaves out the options Nx adds for itself', () => {
    const request = auditRequest('/ws', { name: 'a', root: 'libs/a' }, { failOn: 'error', __overrides_unparsed__: [] }, 'audit', undefined);
    expect(request.options).toEqual({ failOn: 'error' });
    expect(request.graph).toBeUndefined();
  });
});
