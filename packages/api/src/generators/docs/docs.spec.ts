import type { Tree } from '@nx/devkit';
import { parseDocument } from 'yaml';
import { PY_FILES, PY_ROOT, TS_FILES, TS_ROOT, workspace } from '../../docs/__fixtures__/tree';
import { docsGenerator } from './docs';

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8');
const snapshot = (tree: Tree) => Object.fromEntries(tree.listChanges().map((c) => [c.path, c.content?.toString('utf-8') ?? null]));

describe('docs generator, TypeScript', () => {
  it('writes typedoc.json from the exports map, mkdocs.yml with the Mermaid fence, the tools and the floor', async () => {
    const tree = workspace();
    await docsGenerator(tree, { project: 'shapes', skipFormat: true, skipInstall: true });
    const typedoc = JSON.parse(read(tree, `${TS_ROOT}/typedoc.json`)!);
    expect(typedoc).toMatchObject({
      entryPoints: ['./src/index.ts', './src/units.ts'],
      tsconfig: './tsconfig.json',
      plugin: ['typedoc-plugin-markdown'],
      out: './docs/reference/api',
    });
    const mkdocs = read(tree, `${TS_ROOT}/mkdocs.yml`)!;
    expect(mkdocs).toContain('format: !!python/name:pymdownx.superfences.fence_div_format');
    expect(mkdocs).not.toContain('mkdocstrings');
    const data = parseDocument(mkdocs).toJS();
    expect(data).toMatchObject({
      site_name: 'shapes',
      theme: { name: 'material', font: false },
      extra_javascript: ['assets/javascripts/mermaid.min.js'],
    });
    expect(JSON.parse(read(tree, 'package.json')!).devDependencies).toMatchObject({
      typedoc: '~0.28.20',
      'typedoc-plugin-markdown': '~4.14.1',
      mermaid: '11.17.2',
    });
    expect(read(tree, '.gitignore')).toContain(`/${TS_ROOT}/docs/reference/api/\n/${TS_ROOT}/site/\n`);
    // Shape, Shape.sides, Shape.name, area, square, METRE: 4 of 6 documented
    expect(JSON.parse(read(tree, `${TS_ROOT}/api/floors.json`)!)).toEqual({ 'docs/documented': 66.6 });
    // no placeholder prose in the user's code
    expect(read(tree, `${TS_ROOT}/src/square.ts`)).toBe(TS_FILES['src/square.ts']);
  });

  it('changes nothing on a second run', async () => {
    const tree = workspace();
    await docsGenerator(tree, { project: 'shapes', skipFormat: true, skipInstall: true });
    const once = snapshot(tree);
    await docsGenerator(tree, { project: 'shapes', skipFormat: true, skipInstall: true });
    expect(snapshot(tree)).toEqual(once);
  });

  it('completes an existing typedoc.json in place, keeping its comments and entries', async () => {
    const tree = workspace();
    const text = '{\n  // the user\'s own settings\n  "entryPoints": ["./src/index.ts"],\n  "name": "Shapes"\n}\n';
    tree.write(`${TS_ROOT}/typedoc.json`, text);
    await docsGenerator(tree, { project: 'shapes', skipFormat: true, skipInstall: true });
    const edited = read(tree, `${TS_ROOT}/typedoc.json`)!;
    expect(edited).toContain("// the user's own settings");
    expect(edited).toContain('"name": "Shapes"');
    expect(edited).toMatch(/^\{\n {2}\/\/ the user's own settings\n {2}"entryPoints": \[/);
    expect(JSON.parse(edited.replace(/\/\/.*\n/, ''))).toEqual({
      entryPoints: ['./src/index.ts', './src/units.ts'],
      name: 'Shapes',
      plugin: ['typedoc-plugin-markdown'],
      out: './docs/reference/api',
    });
  });
});

describe('docs generator, Python', () => {
  it('writes mkdocs.yml with mkdocstrings and one API page per public module', async () => {
    const tree = workspace();
    await docsGenerator(tree, { project: 'geometry', skipFormat: true, skipInstall: true });
    const data = parseDocument(read(tree, `${PY_ROOT}/mkdocs.yml`)!).toJS();
    expect(data.plugins).toEqual(['search', { mkdocstrings: { handlers: { python: { paths: ['src'] } } } }]);
    expect(read(tree, `${PY_ROOT}/docs/reference/api/geometry.md`)).toBe('# geometry\n\n::: geometry\n');
    expect(read(tree, `${PY_ROOT}/docs/reference/api/geometry.circle.md`)).toBe('# geometry.circle\n\n::: geometry.circle\n');
    expect(tree.exists(`${PY_ROOT}/docs/reference/api/geometry._internal.md`)).toBe(false);
    expect(tree.exists(`${PY_ROOT}/docs/reference/api/geometry.tests.test_circle.md`)).toBe(false);
    // geometry.Circle (through __all__) and its area method; geometry's __init__ states the API, so circle.py's
    // own unit() is machinery: 1 of 2 documented
    expect(JSON.parse(read(tree, `${PY_ROOT}/api/floors.json`)!)).toEqual({ 'docs/documented': 50 });
    expect(read(tree, `${PY_ROOT}/src/geometry/circle.py`)).toBe(PY_FILES['src/geometry/circle.py']);
    expect(read(tree, '.gitignore')).toContain(`/${PY_ROOT}/site/`);
    expect(read(tree, '.gitignore')).not.toContain(`${PY_ROOT}/docs`);
  });

  it('edits an existing mkdocs.yml in place: comments, custom nav, Material tags and the theme kept', async () => {
    const tree = workspace();
    const text = [
      '# Geometry docs',
      'site_name: Geometry  # shown in the header',
      'theme:',
      '  name: readthedocs',
      'nav:',
      '  - Home: index.md  # the landing page',
      '  - Guide: guide.md',
      'markdown_extensions:',
      '  - pymdownx.emoji:',
      '      emoji_index: !!python/name:material.extensions.emoji.twemoji',
      '  - pymdownx.superfences',
      'plugins:',
      '  - search',
      '',
    ].join('\n');
    tree.write(`${PY_ROOT}/mkdocs.yml`, text);
    tree.write(`${PY_ROOT}/docs/reference/api/custom.md`, '# Circles\n\n::: geometry.circle.Circle\n');
    await docsGenerator(tree, { project: 'geometry', skipFormat: true, skipInstall: true });
    const edited = read(tree, `${PY_ROOT}/mkdocs.yml`)!;
    expect(edited.split('\n').slice(0, 10)).toEqual(text.split('\n').slice(0, 10));
    expect(edited).toContain('      emoji_index: !!python/name:material.extensions.emoji.twemoji');
    expect(edited).toContain('format: !!python/name:pymdownx.superfences.fence_div_format');
    expect(edited).toContain('  - mkdocstrings:');
    const data = parseDocument(edited).toJS();
    expect(data.nav).toEqual([{ Home: 'index.md' }, { Guide: 'guide.md' }]);
    expect(data.theme).toEqual({ name: 'readthedocs' });
    // geometry.circle has a page of the user's already
    expect(tree.exists(`${PY_ROOT}/docs/reference/api/geometry.circle.md`)).toBe(false);
    expect(tree.exists(`${PY_ROOT}/docs/reference/api/geometry.md`)).toBe(true);
    const once = snapshot(tree);
    await docsGenerator(tree, { project: 'geometry', skipFormat: true, skipInstall: true });
    expect(snapshot(tree)).toEqual(once);
  });

  it('refuses a mkdocs.yml that is not YAML, naming the file and line, and writes nothing', async () => {
    const tree = workspace();
    tree.write(`${PY_ROOT}/mkdocs.yml`, 'site_name: x\ntheme: [material\n');
    const before = snapshot(tree);
    await expect(docsGenerator(tree, { project: 'geometry', skipFormat: true, skipInstall: true })).rejects.toThrow(
      /libs\/geometry\/mkdocs\.yml: .*invalid YAML at line \d+/,
    );
    expect(snapshot(tree)).toEqual(before);
  });
});
