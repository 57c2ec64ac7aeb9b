import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { expectIdempotentAndDryRunSafe, treeProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../../options';
import { checks } from '../../docs-structure/checks';
import { docsStructureGenerator } from './docs-structure';

const TS: Record<string, string> = {
  'libs/shapes/package.json': JSON.stringify({ name: '@acme/shapes', version: '1.0.0', exports: { '.': './src/index.ts' } }, null, 2),
  'libs/shapes/README.md': [
    '# @acme/shapes',
    '',
    '[![npm](https://img.shields.io/npm/v/@acme/shapes.svg)](https://npmjs.com/package/@acme/shapes)',
    '',
    'Squares and **areas** for `canvas` apps, see the [guide](./GUIDE.md) and [MDN](https://developer.mozilla.org/).',
    '',
    'More text.',
  ].join('\n'),
  'libs/shapes/src/index.ts': "export * from './lib/square';\nexport { area, type Area } from './lib/area';\n",
  'libs/shapes/src/lib/square.ts': "import type { Area } from './area';\nexport const square: Area = 4;\n",
  'libs/shapes/src/lib/area.ts': 'export type Area = number;\nexport const area = (a: Area) => a;\n',
};

const MKDOCS = [
  '# geometry docs  (hand-written)',
  'site_name: geometry',
  'nav:',
  '  - Home: index.md',
  '  # the first lesson',
  '  - Getting started: getting-started.md',
  'theme:',
  '  name: material',
  '',
].join('\n');

const PY: Record<string, string> = {
  'libs/geometry/pyproject.toml': '[project]\nname = "geometry"\nversion = "0.1.0"\ndescription = "Circles and polygons."\n',
  'libs/geometry/src/geometry/__init__.py': 'from .circle import Circle, unit\n\n__all__ = ["unit", "Circle"]\n',
  'libs/geometry/src/geometry/circle.py': 'class Circle:\n    pass\n\n\ndef unit():\n    return Circle()\n',
  'libs/geometry/mkdocs.yml': MKDOCS,
  'libs/geometry/docs/index.md': '# Geometry\n\nMy own words, kept.\n\n[Start here](getting-started.md).\n',
  'libs/geometry/docs/getting-started.md': '# Getting started\n\nInstall it with pip.\n',
};

function workspace(files: Record<string, string> = { ...TS, ...PY }): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, 'shapes', { root: 'libs/shapes', projectType: 'library' });
  addProjectConfiguration(tree, 'geometry', { root: 'libs/geometry', projectType: 'library' });
  for (const [path, content] of Object.entries(files)) tree.write(path, content);
  return tree;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8');
const changes = (tree: Tree) => Object.fromEntries(tree.listChanges().map((c) => [c.path, c.content?.toString('utf-8') ?? null]));

async function findings(tree: Tree, project: string): Promise<string[]> {
  const shipshape = treeProject(tree, project, [API_OPTIONS]);
  const found: string[] = [];
  for (const check of checks) for (const f of await check.run(shipshape)) found.push(`${check.id} ${f.file}: ${f.message}`);
  return found;
}

describe('docs-structure generator', () => {
  it("scaffolds the four kinds and the index with the README's first paragraph, the install command and the public API", async () => {
    const tree = workspace();
    await docsStructureGenerator(tree, { project: 'shapes', skipFormat: true });
    const pages = Object.keys(changes(tree)).filter((p) => p.startsWith('libs/shapes/docs/'));
    expect(pages.sort()).toEqual(
      [
        'libs/shapes/docs/explanation/architecture.md',
        'libs/shapes/docs/explanation/index.md',
        'libs/shapes/docs/how-to/index.md',
        'libs/shapes/docs/index.md',
        'libs/shapes/docs/reference/index.md',
        'libs/shapes/docs/tutorials/index.md',
      ].sort(),
    );
    const index = read(tree, 'libs/shapes/docs/index.md')!;
    // the first paragraph that says something; its relative link unlinked, its absolute one kept
    expect(index).toContain('Squares and **areas** for `canvas` apps, see the guide and [MDN](https://developer.mozilla.org/).');
    expect(index).toContain('```sh\nnpm install @acme/shapes\n```');
    expect(index).toContain(
      '- [Tutorials](tutorials/index.md)\n- [How-to guides](how-to/index.md)\n- [Reference](reference/index.md)\n- [Explanation](explanation/index.md)',
    );
    expect(read(tree, 'libs/shapes/docs/tutorials/index.md')).toContain("import { Area, area, square } from '@acme/shapes';");
    expect(read(tree, 'libs/shapes/docs/reference/index.md')).toContain(
      '`@acme/shapes` exports 3 names:\n\n- `Area`\n- `area`\n- `square`',
    );
    expect(read(tree, 'libs/shapes/docs/explanation/index.md')).toContain('[Architecture](architecture.md)');
    expect(read(tree, 'libs/shapes/docs/explanation/architecture.md')).toContain('<!-- shipshape:diagram module-graph -->');
    // what it wrote passes every docs check
    expect(await findings(tree, 'shapes')).toEqual([]);
  });

  it('never touches a page that exists, counts a getting-started page as the tutorials, and adds the new pages to the nav in place', async () => {
    const tree = workspace();
    await docsStructureGenerator(tree, { project: 'geometry', skipFormat: true });
    expect(read(tree, 'libs/geometry/docs/index.md')).toBe(PY['libs/geometry/docs/index.md']);
    expect(read(tree, 'libs/geometry/docs/getting-started.md')).toBe(PY['libs/geometry/docs/getting-started.md']);
    expect(tree.exists('libs/geometry/docs/tutorials/index.md')).toBe(false);
    expect(read(tree, 'libs/geometry/docs/how-to/index.md')).toContain('## How to install geometry\n\n```sh\npip install geometry\n```');
    expect(read(tree, 'libs/geometry/docs/reference/index.md')).toContain('`geometry` exports 2 names:\n\n- `Circle`\n- `unit`');
    expect(read(tree, 'libs/geometry/docs/explanation/index.md')).toContain('## What it is\n\nCircles and polygons.');
    const mkdocs = read(tree, 'libs/geometry/mkdocs.yml')!;
    expect(mkdocs.startsWith(MKDOCS.split('theme:')[0])).toBe(true); // the user's lines and comments as they were
    expect(mkdocs).toContain(
      '  - How-to guides: how-to/index.md\n  - Reference: reference/index.md\n  - Explanation:\n      - explanation/index.md\n      - Architecture: explanation/architecture.md\n',
    );
    expect(await findings(tree, 'geometry')).toEqual([]);
  });

  it('writes nothing to disk until Nx flushes the Tree (a --dry-run), and a second run changes nothing', async () => {
    const changed = await expectIdempotentAndDryRunSafe(
      docsStructureGenerator,
      {
        ...TS,
        ...PY,
        'nx.json': '{}\n',
        'package.json': '{ "name": "root", "private": true }\n',
        'libs/shapes/project.json': JSON.stringify({ name: 'shapes', root: 'libs/shapes' }),
        'libs/geometry/project.json': JSON.stringify({ name: 'geometry', root: 'libs/geometry' }),
      },
      { project: 'shapes', skipFormat: true },
      { project: 'geometry', skipFormat: true },
    );
    // every page of the four kinds that is missing, the architecture page, and geometry's nav; geometry's index and
    // getting-started page (its tutorials) are the user's
    expect(changed).toEqual([
      'libs/geometry/docs/explanation/architecture.md',
      'libs/geometry/docs/explanation/index.md',
      'libs/geometry/docs/how-to/index.md',
      'libs/geometry/docs/reference/index.md',
      'libs/geometry/mkdocs.yml',
      'libs/shapes/docs/explanation/architecture.md',
      'libs/shapes/docs/explanation/index.md',
      'libs/shapes/docs/how-to/index.md',
      'libs/shapes/docs/index.md',
      'libs/shapes/docs/reference/index.md',
      'libs/shapes/docs/tutorials/index.md',
    ]);
  });

  it('names the malformed mkdocs.yml and writes nothing', async () => {
    const tree = workspace({ ...PY, 'libs/geometry/mkdocs.yml': 'nav: [index.md\n' });
    const before = changes(tree);
    await expect(docsStructureGenerator(tree, { project: 'geometry', skipFormat: true })).rejects.toThrow(
      /libs\/geometry\/mkdocs\.yml: invalid YAML/,
    );
    expect(changes(tree)).toEqual(before);
  });
});
