// API reports, end to end: a fresh workspace with a TS library whose exports map has two entries and a Python
// library; `nx add @shipshape/api` (the library and nx add are the shared setup of utils/setups.ts); `nx g
// @shipshape/api:api-report` writes one report per entry (api-extractor) and per Python package (griffe) with
// api/semver.json; `nx run <lib>:api` passes and is a cache hit the second time; a breaking change makes it
// fail naming the change, its class (major) and the reason, for both languages.
import { API_WORKSPACE, TS_LIBRARY } from './utils/setups';
import { scenario, withOutput } from './utils/steps';
import { createTestWorkspace, type TestWorkspace } from './utils/workspace';

const TS_ROOT = TS_LIBRARY;
const PY_ROOT = 'packages/pylib';

// Debian's griffe is visible to the system interpreter only.
const PYTHON = process.env.SHIPSHAPE_PYTHON ?? '/usr/bin/python3';

const INDEX_TS = `/**
 * A shape.
 * @public
 */
export interface Shape {
  /** Number of sides. */
  sides: number;
}

/**
 * Area of a square.
 * @public
 */
export function area(side: number): number {
  return side * side;
}
`;

const UTILS_TS = `/**
 * Clamps a value.
 * @public
 */
export function clamp(value: number, min = 0): number {
  return Math.max(value, min);
}
`;

const PY_FILES: Record<string, string> = {
  'project.json': '{ "name": "pylib" }\n',
  'pyproject.toml':
    '[project]\nname = "pylib"\nversion = "0.1.0"\n\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n',
  'src/pylib/__init__.py': '"""Greetings."""\nfrom .greet import greet\n\n__all__ = ["greet"]\n',
  'src/pylib/greet.py': 'def greet(name: str, punctuation: str = "!") -> str:\n    return f"Hello, {name}{punctuation}"\n',
};

describe('API reports in a fresh Nx workspace', () => {
  const { step, check } = scenario();
  let ws: TestWorkspace;
  let ts = '';
  const env = () => ({ ...ws.env, SHIPSHAPE_PYTHON: PYTHON });
  const nx = (args: string[], allowFailure = false) => ws.nx(args, { env: env(), allowFailure });

  afterAll(async () => {
    ws?.cleanup();
  });

  step('creates a workspace with a TS library (two exports entries) and a Python library', async () => {
    // the TS library generated and @shipshape/api added by the shared setup
    ws = await createTestWorkspace('api', API_WORKSPACE);
    ws.writeFile(`${TS_ROOT}/src/index.ts`, INDEX_TS);
    ws.writeFile(`${TS_ROOT}/src/utils.ts`, UTILS_TS);
    const pkg = ws.readJson(`${TS_ROOT}/package.json`);
    delete pkg.private;
    // the "./utils" entry is the "." entry's conditions with index replaced by utils
    const main = pkg.exports['.'];
    pkg.exports['./utils'] = JSON.parse(JSON.stringify(main).replace(/index\./g, 'utils.'));
    ws.writeJson(`${TS_ROOT}/package.json`, pkg);
    for (const [file, content] of Object.entries(PY_FILES)) ws.writeFile(`${PY_ROOT}/${file}`, content);
  });

  step('installs @shipshape/api with nx add', async () => {
    const result = ws.setup[1]; // the shared setup's nx add
    expect(result.command).toMatch(/nx add @shipshape\/api$/);
    withOutput(result, () => expect(ws.exists('node_modules/@shipshape/api/executors.json')).toBe(true));
    const projects = await ws.projects();
    const node = Object.values(projects).find((n) => n.data.root === TS_ROOT);
    if (!node) throw new Error(`no project at ${TS_ROOT}; projects: ${Object.keys(projects).join(', ')}`);
    ts = node.name;
    expect(projects[ts].data.targets?.api).toMatchObject({ executor: '@shipshape/api:api-report', cache: true });
    expect(projects.pylib.data.targets?.api).toMatchObject({ executor: '@shipshape/api:api-report', cache: true });
  });

  step('nx g @shipshape/api:api-report writes one report per entry and the semver JSON', async () => {
    for (const project of [ts, 'pylib']) await nx(['g', '@shipshape/api:api-report', `--project=${project}`, '--no-interactive']);
    const name = ts.replace(/^@[^/]+\//, '');
    const main = ws.readFile(`${TS_ROOT}/api/${name}.api.md`);
    const utils = ws.readFile(`${TS_ROOT}/api/${name}-utils.api.md`);
    expect(main).toContain('export function area(side: number): number;');
    expect(main).not.toContain('clamp');
    expect(utils).toContain('export function clamp(value: number, min?: number): number;');
    expect(ws.readFile(`${PY_ROOT}/api/pylib.api.md`)).toContain("def greet(name: str, punctuation: str = '!') -> str: ...");
    expect(ws.readJson(`${TS_ROOT}/api/semver.json`)).toMatchObject({ version: 1, language: 'typescript' });
  });

  check('a second run of the generator changes nothing', async () => {
    const before = ws.readFile(`${PY_ROOT}/api/pylib.api.md`);
    const result = await nx(['g', '@shipshape/api:api-report', '--project=pylib', '--no-interactive']);
    withOutput(result, () => {
      expect(ws.readFile(`${PY_ROOT}/api/pylib.api.md`)).toBe(before);
      expect(result.output).not.toMatch(/UPDATE|CREATE/);
    });
  });

  step('nx run <lib>:api passes, and is a cache hit the second time', async () => {
    for (const project of [ts, 'pylib']) {
      const first = await nx(['run', `${project}:api`, '--output-style=static']);
      withOutput(first, () => expect(first.output).toMatch(/matches the code/));
      const second = await nx(['run', `${project}:api`, '--output-style=static']);
      withOutput(second, () => expect(second.output).toMatch(/local cache|existing outputs match the cache/));
    }
  });

  step('a breaking TS change fails the api target with the class "major" and the reason', async () => {
    ws.writeFile(`${TS_ROOT}/src/index.ts`, INDEX_TS.replace('area(side: number)', 'area(side: number, unit: string)'));
    const result = await nx(['run', `${ts}:api`, '--output-style=static'], true);
    withOutput(result, () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('+ export function area(side: number, unit: string): number;');
      expect(result.output).toContain('MAJOR');
      expect(result.output).toMatch(/area takes a new required parameter unit/);
      expect(result.output).toContain(`nx g @shipshape/api:api-report --project=${ts}`);
    });
  });

  step('a breaking Python change fails the api target with the class "major" and the reason (griffe)', async () => {
    ws.writeFile(`${PY_ROOT}/src/pylib/greet.py`, PY_FILES['src/pylib/greet.py'].replace('punctuation: str = "!"', 'punctuation: str'));
    const result = await nx(['run', 'pylib:api', '--output-style=static'], true);
    withOutput(result, () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('MAJOR');
      expect(result.output).toMatch(/parameter punctuation of pylib(\.greet)?:greet became required/);
    });
  });

  check('an additive change is classified minor', async () => {
    ws.writeFile(
      `${PY_ROOT}/src/pylib/greet.py`,
      PY_FILES['src/pylib/greet.py'].replace('punctuation: str = "!"', 'punctuation: str = "!", *, loud: bool = False'),
    );
    const result = await nx(['run', 'pylib:api', '--output-style=static'], true);
    withOutput(result, () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('MINOR');
      expect(result.output).toMatch(/takes a new optional parameter loud/);
    });
  });
});
