import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import MarkdownIt from 'markdown-it';
import { chromium } from 'playwright-core';
import { expectIdempotentAndDryRunSafe, treeProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../../options';
import { ARCHITECTURE_PAGE } from '../../docs-structure/__fixtures__/sites';
import staleDiagram from '../../docs-structure/checks/stale-diagram';
import { diagramsGenerator } from './diagrams';

const FILES: Record<string, string> = {
  'libs/shapes/package.json': '{ "name": "@acme/shapes", "version": "1.0.0" }',
  'libs/shapes/src/index.ts': "export * from './lib/square';\nexport { area } from './lib/area';\n",
  'libs/shapes/src/lib/square.ts': 'export const square = 4;\n',
  'libs/shapes/src/lib/area.ts': 'export const area = (a: number) => a;\n',
  'apps/app/package.json': '{ "name": "@acme/app", "dependencies": { "@acme/shapes": "*" } }',
  'libs/geometry/pyproject.toml': '[project]\nname = "geometry"\nversion = "0.1.0"\n',
  'libs/geometry/src/geometry/__init__.py': 'from .circle import Circle\n',
  'libs/geometry/src/geometry/circle.py': 'from . import _math\n',
  'libs/geometry/src/geometry/_math.py': 'import math\n',
};

function workspace(files: Record<string, string> = FILES): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, 'shapes', { root: 'libs/shapes', projectType: 'library' });
  addProjectConfiguration(tree, 'geometry', { root: 'libs/geometry', projectType: 'library' });
  addProjectConfiguration(tree, 'app', { root: 'apps/app', projectType: 'application' });
  for (const [path, content] of Object.entries(files)) tree.write(path, content);
  return tree;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8');
const changes = (tree: Tree) => Object.fromEntries(tree.listChanges().map((c) => [c.path, c.content?.toString('utf-8') ?? null]));
const stale = async (tree: Tree, project: string) =>
  (await staleDiagram.run(treeProject(tree, project, [API_OPTIONS]))).map((f) => `${f.file}:${f.line} ${f.key}`);

describe('diagrams generator', () => {
  it('creates explanation/architecture.md with both diagrams, from the real graphs', async () => {
    const tree = workspace();
    await diagramsGenerator(tree, { project: 'shapes', skipFormat: true });
    const page = read(tree, 'libs/shapes/docs/explanation/architecture.md')!;
    expect(page).toContain(
      ['<!-- shipshape:diagram project-graph -->', '', '```mermaid', 'flowchart LR', '  n0["app"]', '  n1["shapes"]', '  n0 --> n1'].join(
        '\n',
      ),
    );
    expect(page).toContain(
      ['```mermaid', 'flowchart LR', '  n0["index"]', '  n1["lib/area"]', '  n2["lib/square"]', '  n0 --> n1', '  n0 --> n2', '```'].join(
        '\n',
      ),
    );
    expect(await stale(tree, 'shapes')).toEqual([]);
  });

  it('rewrites only what is between the markers: the user text around them stays byte for byte, CRLF included', async () => {
    const tree = workspace({ ...FILES, 'libs/geometry/docs/explanation/architecture.md': ARCHITECTURE_PAGE });
    expect(await stale(tree, 'geometry')).toEqual([
      'libs/geometry/docs/explanation/architecture.md:5 diagram:module-graph',
      'libs/geometry/docs/explanation/architecture.md:14 diagram:project-graph',
    ]);
    await diagramsGenerator(tree, { project: 'geometry', skipFormat: true });
    const page = read(tree, 'libs/geometry/docs/explanation/architecture.md')!;
    const outside = (text: string) => text.split(/<!-- shipshape:diagram [a-z-]+ -->[\s\S]*?<!-- \/shipshape:diagram -->/);
    expect(outside(page)).toEqual(outside(ARCHITECTURE_PAGE));
    expect(page).not.toMatch(/[^\r]\n/);
    expect(page).toContain('n1["geometry/_math"]');
    expect(page).toContain('n2["geometry/circle"]\r\n  n0 --> n2\r\n  n2 --> n1');
    expect(await stale(tree, 'geometry')).toEqual([]);
    // idempotent
    const once = changes(tree);
    await diagramsGenerator(tree, { project: 'geometry', skipFormat: true });
    expect(changes(tree)).toEqual(once);
  });

  it('finds a diagram gone stale when the imports change, and the generator brings it back', async () => {
    const tree = workspace();
    await diagramsGenerator(tree, { project: 'shapes', skipFormat: true });
    tree.write('libs/shapes/src/lib/square.ts', "import { area } from './area';\nexport const square = area(4);\n");
    expect(await stale(tree, 'shapes')).toEqual(['libs/shapes/docs/explanation/architecture.md:26 diagram:module-graph']);
    await diagramsGenerator(tree, { project: 'shapes', skipFormat: true });
    expect(await stale(tree, 'shapes')).toEqual([]);
    expect(read(tree, 'libs/shapes/docs/explanation/architecture.md')).toContain('  n2 --> n1');
  });

  it('keeps a diagram where the user moved it, and adds to architecture.md only what no page has', async () => {
    const moved = '# Design\n\n<!-- shipshape:diagram project-graph -->\n<!-- /shipshape:diagram -->\n';
    const tree = workspace({
      ...FILES,
      'libs/shapes/docs/design.md': moved,
      'libs/shapes/mkdocs.yml': 'site_name: shapes\nnav:\n  - design.md # the design\n',
    });
    await diagramsGenerator(tree, { project: 'shapes', skipFormat: true });
    expect(read(tree, 'libs/shapes/docs/design.md')).toMatch(
      /^# Design\n\n<!-- shipshape:diagram project-graph -->\n\n```mermaid\nflowchart LR\n/,
    );
    const architecture = read(tree, 'libs/shapes/docs/explanation/architecture.md')!;
    expect(architecture).toContain('shipshape:diagram module-graph');
    expect(read(tree, 'libs/shapes/mkdocs.yml')).toBe(
      'site_name: shapes\nnav:\n  - design.md # the design\n  - Architecture: explanation/architecture.md\n',
    );
  });

  it('writes nothing to disk until Nx flushes the Tree (a --dry-run), and a second run changes nothing', async () => {
    const changed = await expectIdempotentAndDryRunSafe(
      diagramsGenerator,
      {
        ...FILES,
        'nx.json': '{}\n',
        'package.json': '{ "name": "root", "private": true }\n',
        'libs/geometry/project.json': JSON.stringify({ name: 'geometry', root: 'libs/geometry' }),
        'libs/geometry/docs/explanation/architecture.md': ARCHITECTURE_PAGE,
      },
      { project: 'geometry', skipFormat: true },
    );
    expect(changed).toEqual(['libs/geometry/docs/explanation/architecture.md']);
  });
});

describe('diagrams generator, odd pages', () => {
  it('keeps a byte-order mark of the page it edits', async () => {
    const tree = workspace({ ...FILES, 'libs/shapes/docs/explanation/architecture.md': `\uFEFF${ARCHITECTURE_PAGE}` });
    await diagramsGenerator(tree, { project: 'shapes', skipFormat: true });
    const bytes = tree.read('libs/shapes/docs/explanation/architecture.md')!;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('My own introduction, with *my* formatting.  \r\n');
  });

  it('refuses an architecture page that is not UTF-8, naming it, and writes nothing', async () => {
    const tree = workspace();
    tree.write('libs/shapes/docs/explanation/architecture.md', Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
    const before = changes(tree);
    await expect(diagramsGenerator(tree, { project: 'shapes', skipFormat: true })).rejects.toThrow(
      /libs\/shapes\/docs\/explanation\/architecture\.md: is not valid UTF-8: the diagrams were not written/,
    );
    expect(changes(tree)).toEqual(before);
  });

  it('is idempotent with the formatting Nx runs on the pages it creates', async () => {
    const tree = workspace();
    await diagramsGenerator(tree, { project: 'shapes' });
    const once = changes(tree);
    await diagramsGenerator(tree, { project: 'shapes' });
    expect(changes(tree)).toEqual(once);
    expect(await stale(tree, 'shapes')).toEqual([]);
  });
});

/**
 * The page as the docs site shows it: Markdown to HTML, each mermaid fence as the `<div class="mermaid">` (its text
 * HTML-escaped) that pymdownx's fence_div_format writes, and mermaid.min.js from node_modules, as the docs target copies it.
 */
function sitePage(markdown: string): string {
  const md = new MarkdownIt('default', { html: true });
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) =>
    tokens[idx].info.trim() === 'mermaid'
      ? `<div class="mermaid">${md.utils.escapeHtml(tokens[idx].content)}</div>\n`
      : fence(tokens, idx, options, env, self);
  const mermaid = join(require.resolve('mermaid/package.json'), '..', 'dist', 'mermaid.min.js');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Architecture</title></head><body>${md.render(markdown)}<script src="file://${mermaid}"></script></body></html>`;
}

describe('the diagrams render', () => {
  it('in headless chromium with mermaid: one SVG per diagram, no console error (a big folded graph and labels with brackets and # included)', async () => {
    const files: Record<string, string> = { ...FILES };
    // a package of 60 modules in 6 folders, with labels Mermaid must have escaped
    for (let i = 0; i < 60; i++)
      files[`libs/geometry/src/geometry/part${i % 6}/m${i}.py`] = i > 0 ? `from geometry.part${(i - 1) % 6} import m${i - 1}\n` : '';
    for (let i = 0; i < 6; i++) files[`libs/geometry/src/geometry/part${i}/__init__.py`] = '';
    // route-style file names: brackets, a dollar sign, a hash
    files['libs/shapes/src/routes/[id]/page.ts'] = "import { area } from '../../lib/area';\nexport const page = area;\n";
    files['libs/shapes/src/routes/$slug#x.ts'] = "export * from './[id]/page';\n";
    const tree = workspace(files);
    await diagramsGenerator(tree, { project: 'geometry', skipFormat: true });
    await diagramsGenerator(tree, { project: 'shapes', skipFormat: true });
    const geometry = read(tree, 'libs/geometry/docs/explanation/architecture.md')!;
    const shapes = read(tree, 'libs/shapes/docs/explanation/architecture.md')!;
    expect(geometry).toContain('%% 69 modules drawn by folder (more than 40)');
    expect(shapes).toContain('["routes/$slug#35;x"]');
    // both pages on one page: mermaid.min.js (3 MB) is loaded once
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-diagrams-'));
    const html = join(dir, 'architecture.html');
    writeFileSync(html, sitePage(`${geometry}\n\n${shapes}`));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      page.on('pageerror', (error) => void errors.push(error.message));
      await page.goto(`file://${html}`);
      await page.waitForFunction("document.querySelectorAll('div.mermaid svg').length === 4", undefined, { timeout: 60_000 });
      expect(await page.locator('div.mermaid').count()).toBe(4);
      expect(await page.locator('div.mermaid > svg').count()).toBe(4);
      expect(await page.locator('div.mermaid', { hasText: 'Syntax error' }).count()).toBe(0);
      expect(await page.locator('div.mermaid svg', { hasText: 'geometry/part3/' }).count()).toBe(1);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(tmpdir(), 'shipshape-diagrams.png'), fullPage: true });
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
