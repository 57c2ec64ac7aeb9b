import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { runProcess } from '@shipshape/core';
import { tempWorkspace } from '@shipshape/core/testing';
import { newMkdocsConfig, newTypedocConfig } from '../../docs/config';
import docsExecutor from './docs';

// The real tools: the workspace's TypeDoc and typedoc-plugin-markdown, Debian's MkDocs 1.4, Material 8.2 and mkdocstrings.
const REPO_NODE_MODULES = join(__dirname, '../../../../../node_modules');
const TS_ROOT = 'libs/shapes';
const PY_ROOT = 'libs/geometry';

const TS: Record<string, string> = {
  'package.json': JSON.stringify({
    name: '@acme/shapes',
    version: '1.0.0',
    type: 'module',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
  }),
  // types: [] keeps TypeDoc from loading every @types package of the repository's node_modules
  'tsconfig.json': JSON.stringify({
    compilerOptions: { rootDir: 'src', outDir: 'dist', declaration: true, strict: true, module: 'nodenext', types: [] },
    include: ['src'],
  }),
  'src/index.ts': "export { area, type Shape } from './shape.js';\n",
  'src/shape.ts':
    '/** A closed figure. */\nexport interface Shape {\n  /** How many sides it has. */\n  sides: number;\n}\n\n/** The area of a shape. */\nexport function area(shape: Shape): number {\n  return shape.sides;\n}\n',
  'typedoc.json': newTypedocConfig({ entryPoints: ['src/index.ts'], tsconfig: 'tsconfig.json' }),
  'mkdocs.yml': newMkdocsConfig({ siteName: 'shapes', python: false, paths: [] }),
  'docs/index.md': '# Shapes\n\nThe [API](reference/api/index.md).\n\n```mermaid\ngraph LR\n  shape --> area\n```\n',
};

const PY: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "geometry"\nversion = "0.1.0"\n',
  'src/geometry/__init__.py': '"""Geometry."""\nfrom .circle import unit\n\n__all__ = ["unit"]\n',
  'src/geometry/circle.py': '"""Circles."""\n\n\ndef unit() -> float:\n    """The area of the unit circle."""\n    return 3.14\n',
  'mkdocs.yml': newMkdocsConfig({ siteName: 'geometry', python: true, paths: ['src'] }),
  'docs/index.md': '# Geometry\n',
  'docs/reference/api/geometry.circle.md': '# `geometry.circle`\n\n::: geometry.circle\n',
};

function workspace(): ReturnType<typeof tempWorkspace> {
  const files: Record<string, string> = { 'package.json': '{ "name": "ws", "private": true }\n' };
  for (const [file, content] of Object.entries(TS)) files[`${TS_ROOT}/${file}`] = content;
  for (const [file, content] of Object.entries(PY)) files[`${PY_ROOT}/${file}`] = content;
  const ws = tempWorkspace(files);
  symlinkSync(REPO_NODE_MODULES, join(ws.root, 'node_modules'));
  return ws;
}

function context(root: string, projectRoot: string): ExecutorContext {
  const name = projectRoot.split('/').pop()!;
  return {
    root,
    projectName: name,
    projectsConfigurations: { version: 2, projects: { [name]: { root: projectRoot } } },
    cwd: root,
    isVerbose: false,
  } as unknown as ExecutorContext;
}

/** What the executor printed as errors, one string. */
function errors(): { text: () => string } {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return { text: () => spy.mock.calls.map((call) => call.join(' ')).join('\n') };
}

describe('docs executor (real TypeDoc and MkDocs)', () => {
  jest.setTimeout(600_000);
  let ws: ReturnType<typeof tempWorkspace>;
  beforeAll(() => (ws = workspace()));
  afterAll(() => ws?.remove());
  afterEach(() => {
    jest.restoreAllMocks();
    // each case starts from the good fixture
    const files: Record<string, string> = {};
    for (const [file, content] of Object.entries(TS)) files[`${TS_ROOT}/${file}`] = content;
    for (const [file, content] of Object.entries(PY)) files[`${PY_ROOT}/${file}`] = content;
    ws.write(files);
  });

  it('builds a TS library: TypeDoc writes the Markdown API pages, mkdocs --strict the site, with Mermaid copied in', async () => {
    const printed = errors();
    const result = await docsExecutor({}, context(ws.root, TS_ROOT));
    expect([result.success, printed.text()]).toEqual([true, '']);
    expect(readFileSync(join(ws.root, TS_ROOT, 'docs/reference/api/functions/area.md'), 'utf8')).toContain('The area of a shape.');
    const index = readFileSync(join(ws.root, TS_ROOT, 'site/index.html'), 'utf8');
    expect(index).toContain('<div class="mermaid">graph LR');
    expect(existsSync(join(ws.root, TS_ROOT, 'site/assets/javascripts/mermaid.min.js'))).toBe(true);
    expect(existsSync(join(ws.root, TS_ROOT, 'site/reference/api/functions/area/index.html'))).toBe(true);
  });

  it('builds a Python library with mkdocstrings', async () => {
    const printed = errors();
    const result = await docsExecutor({}, context(ws.root, PY_ROOT));
    expect([result.success, printed.text()]).toEqual([true, '']);
    expect(readFileSync(join(ws.root, PY_ROOT, 'site/reference/api/geometry.circle/index.html'), 'utf8')).toContain(
      'The area of the unit circle.',
    );
  });

  it('fails on a warning: a broken link in strict mode', async () => {
    ws.write({ [`${PY_ROOT}/docs/index.md`]: '# Geometry\n\nSee [the guide](guide.md).\n' });
    const printed = errors();
    const result = await docsExecutor({}, context(ws.root, PY_ROOT));
    expect(result.success).toBe(false);
    expect(printed.text()).toMatch(/MkDocs failed \(exit code 1\): warnings count as errors/);
  });

  it('a mkdocs.yml with a YAML error: one message naming the file and line', async () => {
    ws.write({ [`${PY_ROOT}/mkdocs.yml`]: 'site_name: geometry\ntheme: [material\n' });
    const printed = errors();
    const result = await docsExecutor({}, context(ws.root, PY_ROOT));
    expect(result.success).toBe(false);
    expect(printed.text()).toMatch(/^Shipshape: libs\/geometry\/mkdocs\.yml: invalid YAML at line \d+, column \d+: [^\n]*$/);
  });

  it('a Markdown page that is not UTF-8: one message naming it', async () => {
    ws.write({ [`${PY_ROOT}/docs/latin1.md`]: Buffer.from('# Caf\xe9\n', 'latin1') });
    const printed = errors();
    const result = await docsExecutor({}, context(ws.root, PY_ROOT));
    expect(result.success).toBe(false);
    expect(printed.text()).toBe(
      'Shipshape: libs/geometry/docs/latin1.md is not UTF-8 (byte 0xe9 at offset 5): mkdocs reads Markdown as UTF-8; save it as UTF-8',
    );
    ws.write({ [`${PY_ROOT}/docs/latin1.md`]: '# Café\n' });
  });

  it('a TypeDoc entry that does not exist: one message, and MkDocs still runs', async () => {
    ws.write({
      [`${TS_ROOT}/typedoc.json`]: newTypedocConfig({ entryPoints: ['src/index.ts', 'src/gone.ts'], tsconfig: 'tsconfig.json' }),
    });
    const printed = errors();
    const result = await docsExecutor({}, context(ws.root, TS_ROOT));
    expect(result.success).toBe(false);
    expect(printed.text()).toBe(
      "Shipshape: libs/shapes/typedoc.json: the entry point ./src/gone.ts does not exist (nx g @shipshape/api:docs writes the entries of package.json's exports map)",
    );
  });

  it('mkdocs not installed: one message with the install command, and TypeDoc still runs', async () => {
    // a Python of its own (a venv without the system's packages): no mkdocs
    const venv = join(ws.root, 'venv');
    expect((await runProcess('/usr/bin/python3', ['-m', 'venv', '--without-pip', venv], { timeoutMs: 60_000 })).code).toBe(0);
    const bare = join(venv, 'bin', 'python3');
    ws.write({ [`${TS_ROOT}/docs/reference/api/index.md`]: 'stale' });
    const printed = errors();
    const result = await docsExecutor({ python: bare }, context(ws.root, TS_ROOT));
    expect(result.success).toBe(false);
    expect(printed.text()).toBe(
      'Shipshape: MkDocs is not installed in this workspace; install it with: pip install mkdocs mkdocs-material "mkdocstrings[python]" (into the interpreter Shipshape uses: the "python" option or SHIPSHAPE_PYTHON)',
    );
    expect(readFileSync(join(ws.root, TS_ROOT, 'docs/reference/api/index.md'), 'utf8')).not.toBe('stale');
  });
});
