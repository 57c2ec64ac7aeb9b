import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { treeProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../options';
import { collapse, markedDiagrams, mermaid, mermaidLabel, moduleImportGraph, projectGraph, sameDiagram } from './diagrams';

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, 'shapes', { root: 'libs/shapes', projectType: 'library' });
  addProjectConfiguration(tree, 'geometry', { root: 'libs/geometry', projectType: 'library' });
  addProjectConfiguration(tree, 'app', { root: 'apps/app', projectType: 'application' });
  tree.write('libs/shapes/package.json', '{ "name": "@acme/shapes", "version": "1.0.0" }');
  tree.write('libs/shapes/src/index.ts', "export * from './lib/square';\nexport { area } from './lib/area.js';\n");
  tree.write('libs/shapes/src/lib/square.ts', "import type { Area } from './area';\nexport const square: Area = 4;\n");
  tree.write('libs/shapes/src/lib/area.ts', 'export type Area = number;\nexport const area = (a: Area) => a;\n');
  tree.write('libs/shapes/src/lib/area.spec.ts', "import { area } from './area';\n");
  tree.write('apps/app/package.json', '{ "name": "@acme/app", "dependencies": { "@acme/shapes": "*" } }');
  tree.write('libs/geometry/pyproject.toml', '[project]\nname = "geometry"\nversion = "0.1.0"\ndependencies = []\n');
  tree.write('libs/geometry/src/geometry/__init__.py', 'from .circle import Circle\nfrom geometry.shapes import polygon\n');
  tree.write('libs/geometry/src/geometry/circle.py', 'from . import _math\nimport os\n');
  tree.write('libs/geometry/src/geometry/_math.py', 'import math\n');
  tree.write('libs/geometry/src/geometry/shapes/__init__.py', '');
  tree.write('libs/geometry/src/geometry/shapes/polygon.py', 'from .. import _math\nfrom ..circle import Circle\n');
  tree.write('libs/geometry/src/geometry/tests/test_circle.py', 'from geometry.circle import Circle\n');
  return tree;
}

describe('diagrams', () => {
  it('escapes labels Mermaid would misread, and gives the same text for the same graph whatever the order', () => {
    expect(mermaidLabel('a"b<c>#d')).toBe('a#quot;b#lt;c#gt;#35;d');
    const one = mermaid({
      nodes: ['b', 'a "x"', 'c'],
      edges: [
        ['b', 'c'],
        ['a "x"', 'b'],
        ['b', 'c'],
        ['c', 'c'],
      ],
    });
    const two = mermaid({
      nodes: ['c', 'b', 'a "x"'],
      edges: [
        ['a "x"', 'b'],
        ['b', 'c'],
      ],
    });
    expect(one).toBe(two);
    expect(one).toBe(['flowchart LR', '  n0["a #quot;x#quot;"]', '  n1["b"]', '  n2["c"]', '  n0 --> n1', '  n1 --> n2'].join('\n'));
  });

  it('draws a big graph by folder, at the deepest depth that fits', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => `pkg/${i % 2 ? 'a' : 'b'}/sub${i % 5}/m${i}`);
    const edges = nodes.slice(1).map((n, i): [string, string] => [nodes[i], n]);
    const small = collapse({ nodes, edges }, 40);
    expect(small.nodes.sort()).toEqual(
      [
        'pkg/a/sub1/',
        'pkg/a/sub3/',
        'pkg/a/sub0/',
        'pkg/a/sub2/',
        'pkg/a/sub4/',
        'pkg/b/sub0/',
        'pkg/b/sub1/',
        'pkg/b/sub2/',
        'pkg/b/sub3/',
        'pkg/b/sub4/',
      ].sort(),
    );
    expect(small.note).toBe('50 modules drawn by folder (more than 40)');
    // two folders say too little: the five most connected of the ten
    const five = collapse({ nodes, edges }, 5);
    expect(five.nodes).toHaveLength(5);
    expect(five.note).toBe('the 5 most connected modules and folders of 50 modules (more than 5)');
  });

  it('draws the most connected modules of a flat package, which folding would turn into one box', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => `rich/m${String(i).padStart(2, '0')}`);
    const edges = nodes.slice(1).map((n): [string, string] => [n, 'rich/m00']);
    edges.push(['rich/m05', 'rich/m07'], ['rich/m07', 'rich/m05']);
    const drawn = collapse({ nodes, edges }, 3);
    expect(drawn.nodes.sort()).toEqual(['rich/m00', 'rich/m05', 'rich/m07']);
    expect(drawn.edges).toEqual([
      ['rich/m05', 'rich/m00'],
      ['rich/m07', 'rich/m00'],
      ['rich/m05', 'rich/m07'],
      ['rich/m07', 'rich/m05'],
    ]);
    expect(drawn.note).toBe('the 3 most connected modules of 12 modules (more than 3)');
  });

  it("draws the TS module graph from the project's relative imports, tests left out", async () => {
    const graph = await moduleImportGraph(treeProject(workspace(), 'shapes', [API_OPTIONS]));
    expect(graph.nodes.sort()).toEqual(['index', 'lib/area', 'lib/square']);
    expect(graph.edges.sort()).toEqual([
      ['index', 'lib/area'],
      ['index', 'lib/square'],
      ['lib/square', 'lib/area'],
    ]);
  });

  it('draws the Python module graph from absolute and relative imports within the package', async () => {
    const graph = await moduleImportGraph(treeProject(workspace(), 'geometry', [API_OPTIONS]));
    expect(graph.nodes.sort()).toEqual(['geometry', 'geometry/_math', 'geometry/circle', 'geometry/shapes', 'geometry/shapes/polygon']);
    expect([...new Set(graph.edges.map((e) => e.join(' -> ')))].sort()).toEqual([
      'geometry -> geometry/circle',
      'geometry -> geometry/shapes/polygon',
      'geometry/circle -> geometry/_math',
      'geometry/shapes/polygon -> geometry/_math',
      'geometry/shapes/polygon -> geometry/circle',
    ]);
  });

  it('draws the project, what it depends on and what depends on it', () => {
    const graph = projectGraph(treeProject(workspace(), 'shapes', [API_OPTIONS]));
    expect(graph).toMatchObject({ nodes: ['shapes', 'app'], edges: [['app', 'shapes']], focus: ['shapes'] });
  });

  it('finds the marked blocks of a page, and compares diagrams whatever their line endings', () => {
    const page =
      'Intro\r\n<!-- shipshape:diagram module-graph -->\r\n```mermaid\r\nflowchart LR\r\n  n0["a"]\r\n```\r\n<!-- /shipshape:diagram -->\r\n<!-- shipshape:diagram open -->\r\n';
    const [block] = markedDiagrams(page);
    expect(markedDiagrams(page)).toHaveLength(1);
    expect(block).toMatchObject({ name: 'module-graph', line: 2, mermaid: 'flowchart LR\n  n0["a"]' });
    expect(sameDiagram(block.mermaid!, 'flowchart LR\n    n0["a"]\n')).toBe(true);
  });
});
