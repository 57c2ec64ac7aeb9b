// The docs toolchain, end to end: a fresh Nx workspace with a TS and a Python library, `nx add
// @shipshape/api` (the TS library and nx add are the shared setup of utils/setups.ts), `nx g
// @shipshape/api:docs` for both, then `nx run <lib>:docs` (TypeDoc with treatWarningsAsErrors, then mkdocs
// build --strict with Debian's MkDocs, Material and mkdocstrings). The built sites open in headless chromium,
// served over HTTP from 127.0.0.1 (Material's search runs in a worker that file:// refuses): the API page of
// a named symbol exists, search finds it, the Mermaid diagram renders as SVG, nothing is logged as an error
// and nothing is fetched from elsewhere (no CDN). Screenshots go under the e2e temp folder; each site's build
// time is printed.
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { launchChromium, openPage } from '../../packages/pipeline/src/status/browser';
import { API_WORKSPACE, TS_LIBRARY } from './utils/setups';
import { scenario, withOutput } from './utils/steps';
import { createTestWorkspace, type TestWorkspace } from './utils/workspace';

const TS_ROOT = TS_LIBRARY;
const PY_ROOT = 'packages/pylib';

const MERMAID_PAGE = (name: string) => `# ${name}\n\nHow the parts fit:\n\n\`\`\`mermaid\ngraph LR\n  greet --> format\n\`\`\`\n`;

const PY_FILES: Record<string, string> = {
  'pyproject.toml':
    '[project]\nname = "pylib"\nversion = "0.1.0"\n\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n',
  // a project of the Nx graph without a package.json
  'project.json': JSON.stringify({ name: 'pylib', root: PY_ROOT, projectType: 'library' }, null, 2),
  'src/pylib/__init__.py': '"""pylib: polite greetings."""\nfrom .greet import greet, shout\n\n__all__ = ["greet", "shout"]\n',
  'src/pylib/greet.py':
    '"""Greetings."""\n\n\ndef greet(name: str = "world") -> str:\n    """Greet someone by name.\n\n    Args:\n        name: who to greet.\n\n    Returns:\n        The greeting.\n    """\n    return f"Hello, {name}!"\n\n\ndef shout(name: str) -> str:\n    return greet(name).upper()\n',
  'docs/index.md': MERMAID_PAGE('pylib'),
};

interface Site {
  project: string;
  root: string;
  /** The API page of the named symbol, relative to the site. */
  apiPage: string;
  symbol: string;
}

const SITES: Site[] = [
  { project: 'tslib', root: TS_ROOT, apiPage: 'reference/api/functions/greet/', symbol: 'greet' },
  { project: 'pylib', root: PY_ROOT, apiPage: 'reference/api/pylib.greet/', symbol: 'greet' },
];

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** A static server of one folder on 127.0.0.1 (what `mkdocs serve` would be, without rebuilding). */
function serve(folder: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(folder, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(folder) || !existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

describe('docs toolchain in a fresh Nx workspace', () => {
  const { step, check } = scenario();
  let ws: TestWorkspace;
  const note = (line: string) => process.stderr.write(`  [e2e] ${line}\n`);

  afterAll(async () => {
    ws?.cleanup();
  });

  step('creates a workspace with a TS library and a Python library', async () => {
    // the TS library generated and @shipshape/api added by the shared setup
    ws = await createTestWorkspace('docs', API_WORKSPACE);
    const index = ws.readFile(`${TS_ROOT}/src/index.ts`);
    const extension = /from '\.\/lib\/tslib\.js'/.test(index) ? '.js' : '';
    ws.writeFile(
      `${TS_ROOT}/src/lib/greet.ts`,
      '/**\n * Greet someone by name.\n *\n * @param name - who to greet\n * @returns the greeting\n */\nexport function greet(name = "world"): string {\n  return `Hello, ${name}!`;\n}\n\nexport const shout = (name: string): string => greet(name).toUpperCase();\n',
    );
    ws.writeFile(`${TS_ROOT}/src/index.ts`, `${index.trimEnd()}\nexport { greet, shout } from './lib/greet${extension}';\n`);
    ws.writeFile(`${TS_ROOT}/docs/index.md`, MERMAID_PAGE('tslib'));
    for (const [file, content] of Object.entries(PY_FILES)) ws.writeFile(`${PY_ROOT}/${file}`, content);
  });

  step('installs @shipshape/api with nx add', async () => {
    const result = ws.setup[1]; // the shared setup's nx add
    expect(result.command).toMatch(/nx add @shipshape\/api$/);
    withOutput(result, () => expect(ws.exists('node_modules/@shipshape/api/generators.json')).toBe(true));
  });

  step('nx g @shipshape/api:docs sets up both libraries, and says what a person must write', async () => {
    for (const { project } of SITES) {
      const result = await ws.nx(['g', '@shipshape/api:docs', `--project=${project}`, '--no-interactive']);
      withOutput(result, () => {
        expect(result.output).not.toMatch(/Shipshape: |Error/);
        // shout has no doc comment / docstring: left to a person, never written
        expect(result.output).toMatch(/public symbols? ha(s|ve) no (doc comment|docstring) \(.*shout/);
      });
    }
    expect(JSON.parse(ws.readFile(`${TS_ROOT}/typedoc.json`)).entryPoints).toEqual(['./src/index.ts']);
    expect(ws.readFile(`${PY_ROOT}/docs/reference/api/pylib.greet.md`)).toContain('::: pylib.greet');
    expect(ws.readFile(`${PY_ROOT}/mkdocs.yml`)).toContain('mkdocstrings');
    expect(ws.exists('node_modules/typedoc/package.json')).toBe(true);
    expect(ws.exists('node_modules/mermaid/dist/mermaid.min.js')).toBe(true);
    const floor = ws.readJson(`${TS_ROOT}/api/floors.json`)['docs/documented'];
    expect(floor).toBeGreaterThan(0);
    expect(floor).toBeLessThan(100);
    expect(ws.readFile(`${TS_ROOT}/src/lib/greet.ts`)).toContain('export const shout = (name: string)');
  });

  step('a second run of the generator changes nothing', async () => {
    for (const { project } of SITES) {
      const result = await ws.nx(['g', '@shipshape/api:docs', `--project=${project}`, '--no-interactive']);
      withOutput(result, () => expect(result.output).not.toMatch(/^(CREATE|UPDATE) /m));
    }
  });

  step('nx run <lib>:docs builds each site with warnings as errors (timed)', async () => {
    for (const { project, root } of SITES) {
      const started = Date.now();
      const result = await ws.nx(['run', `${project}:docs`, '--output-style=static']);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      note(`docs site of ${project} built in ${seconds} s (nx run ${project}:docs, uncached)`);
      withOutput(result, () => {
        expect(ws.exists(`${root}/site/index.html`)).toBe(true);
        expect(ws.exists(`${root}/site/assets/javascripts/mermaid.min.js`)).toBe(true);
      });
    }
    expect(ws.exists(`${TS_ROOT}/docs/reference/api/functions/greet.md`)).toBe(true);
  });

  step('the docs target is cached, and one project rebuilds alone', async () => {
    const again = await ws.nx(['run-many', '-t', 'docs', '--output-style=static']);
    withOutput(again, () =>
      expect(again.output).toMatch(/Nx read the output from the cache instead of running the command for 2 out of 2 tasks/),
    );
    ws.writeFile(`${PY_ROOT}/docs/index.md`, `${MERMAID_PAGE('pylib')}\nMore words.\n`);
    const one = await ws.nx(['run-many', '-t', 'docs', '--output-style=static']);
    withOutput(one, () =>
      expect(one.output).toMatch(/Nx read the output from the cache instead of running the command for 1 out of 2 tasks/),
    );
  });

  for (const site of SITES) {
    check(`the ${site.project} site opens in chromium: API page of ${site.symbol}, search, Mermaid, no console error`, async () => {
      const server = await serve(ws.path(site.root, 'site'));
      const browser = await launchChromium();
      const shots = join(ws.ctx.tmp, 'docs-screenshots');
      mkdirSync(shots, { recursive: true });
      try {
        const home = await openPage(browser, server.url);
        await home.page.waitForSelector('div.mermaid svg', { timeout: 30_000 });
        // Material 8.2 queries on key events: type, as a person does (fill sets the value without them)
        await home.page.click('input.md-search__input');
        await home.page.type('input.md-search__input', site.symbol, { delay: 50 });
        await home.page.waitForSelector('.md-search-result__item', { timeout: 30_000 });
        const results = await home.page.locator('.md-search-result__item').allTextContents();
        expect(results.join('\n')).toContain(site.symbol);
        const homeShot = join(shots, `${site.project}-home-search.png`);
        await home.page.screenshot({ path: homeShot, fullPage: true });

        const api = await openPage(browser, `${server.url}${site.apiPage}`);
        const text = await api.page.locator('article').innerText();
        expect(text).toContain(site.symbol);
        expect(text).toMatch(/Greet someone by name/);
        const apiShot = join(shots, `${site.project}-api-${site.symbol}.png`);
        await api.page.screenshot({ path: apiShot, fullPage: true });
        note(`screenshots of ${site.project}: ${homeShot}, ${apiShot}`);

        expect([...home.errors, ...api.errors]).toEqual([]);
        const elsewhere = [...home.requests, ...api.requests].filter((url) => !url.startsWith(server.url) && !url.startsWith('data:'));
        expect(elsewhere).toEqual([]);
      } finally {
        await browser.close();
        await server.close();
      }
    });
  }
});
