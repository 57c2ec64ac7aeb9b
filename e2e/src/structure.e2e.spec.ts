// Phase 1, structure, end to end: a fresh Nx workspace with a generated TS library and `nx add
// @shipshape/pipeline` (the shared setup of utils/setups.ts), two hand-written Python libraries (src and flat
// layout), the audit, then the structure phase generator: --dry-run writes nothing, the real run fixes what
// the area fixes, a second run changes nothing, the TS build still passes, the Python packages still import,
// and the audit no longer reports what was fixed. Last, the Python src-layout move, asked for by name.
import { PIPELINE_WORKSPACE, TS_LIBRARY } from './utils/setups';
import { scenario, withOutput } from './utils/steps';
import { createTestWorkspace, type ProjectNode, type TestWorkspace } from './utils/workspace';

const TS_ROOT = TS_LIBRARY;
const PY_ROOT = 'packages/pylib';
const FLAT_ROOT = 'packages/flatpy';
const REMOTE = 'git@github.com:acme/structure-e2e.git';

// A Python library with the problems the phase fixes: a star import, no __all__, a subpackage
// without __init__.py, metadata that the README and the workspace can complete.
const PYPROJECT = `# Shipshape e2e fixture: a Python library on its way to PyPI.
[project]
name = "pylib"
version = "0.1.0"
classifiers = ["Programming Language :: Python :: 3.10", "Programming Language :: Python :: 3.11"]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
`;
const PY_FILES: Record<string, string> = {
  'README.md': '# pylib\n\nGreetings and farewells, politely formatted.\n',
  'src/pylib/__init__.py': '"""pylib: Shipshape e2e fixture."""\nfrom .greet import *  # noqa: F403\n',
  'src/pylib/greet.py':
    'import re\n\nDEFAULT_NAME = "world"\n\n\ndef greet(name: str = DEFAULT_NAME) -> str:\n    squeezed = re.sub(r"[ \\t]+", " ", name)\n    return f"Hello, {squeezed}!"\n',
  'src/pylib/extra/farewell.py': 'def farewell(name: str) -> str:\n    return f"Goodbye, {name}."\n',
};
const FLAT_FILES: Record<string, string> = {
  'pyproject.toml':
    '[project]\nname = "flatpy"\nversion = "0.1.0"\n\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[tool.hatch.build.targets.wheel]\npackages = ["flatpy"]\n',
  'flatpy/__init__.py': '"""Flat layout."""\nfrom .core import answer\n\n__all__ = ["answer"]\n',
  'flatpy/core.py': 'def answer() -> int:\n    return 42\n',
};

/** The findings the structure phase fixes: after it, none of these may be left. */
const FIXED_BY_PHASE = [
  'structure/star-export-barrel',
  'structure/init-py-exports',
  'structure/missing-init-py',
  'structure/side-effects',
  'structure/package-urls',
  'structure/supported-runtimes',
];

interface Finding {
  checkId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  status: string;
  fix?: { generator: string };
}

describe('structure phase in a fresh Nx workspace', () => {
  const { step, check } = scenario();
  let ws: TestWorkspace;
  let tsProject: ProjectNode;
  const before: Record<string, Finding[]> = {};
  const after: Record<string, Finding[]> = {};
  const report = (root: string): { findings: Finding[]; summary: { passed: boolean } } =>
    ws.readJson(`reports/shipshape/${root}/audit.json`);
  const structure = (findings: Finding[]) => findings.filter((f) => f.checkId.startsWith('structure/'));
  /** One progress line per library: how many findings of each structure check the audit reported. */
  const note = (when: string, byRoot: Record<string, Finding[]>) => {
    for (const [root, findings] of Object.entries(byRoot)) {
      const counts: Record<string, number> = {};
      for (const f of findings) counts[f.checkId.replace('structure/', '')] = (counts[f.checkId.replace('structure/', '')] ?? 0) + 1;
      process.stderr.write(
        `  [e2e] structure findings ${when}, ${root}: ${
          Object.entries(counts)
            .map(([id, n]) => `${id} ${n}`)
            .join(', ') || 'none'
        }\n`,
      );
    }
  };
  const snapshot = (paths: string[]) => Object.fromEntries(paths.map((p) => [p, ws.exists(p) ? ws.readFile(p) : null]));
  const watched = () => [
    `${TS_ROOT}/package.json`,
    `${TS_ROOT}/src/index.ts`,
    `${PY_ROOT}/pyproject.toml`,
    `${PY_ROOT}/src/pylib/__init__.py`,
    `${PY_ROOT}/src/pylib/extra/__init__.py`,
  ];

  afterAll(async () => {
    ws?.cleanup();
  });

  step('creates a workspace with a TS library, two Python libraries and a git remote', async () => {
    // the TS library generated and @shipshape/pipeline added by the shared setup
    ws = await createTestWorkspace('structure', PIPELINE_WORKSPACE);
    const pkg = ws.readJson(`${TS_ROOT}/package.json`);
    for (const field of ['private', 'description', 'license', 'repository', 'homepage', 'bugs', 'sideEffects', 'engines'])
      delete pkg[field];
    ws.writeJson(`${TS_ROOT}/package.json`, pkg);
    ws.writeFile(`${TS_ROOT}/README.md`, '# tslib\n\nSmall helpers for the structure e2e, typed and tree-shakeable.\n');
    const index = ws.readFile(`${TS_ROOT}/src/index.ts`);
    const extension = /from '\.\/lib\/tslib\.js'/.test(index) ? '.js' : '';
    ws.writeFile(
      `${TS_ROOT}/src/lib/shapes.ts`,
      'export interface Shape {\n  sides: number;\n}\n\nexport const square: Shape = { sides: 4 };\n',
    );
    // A Node.js library (it imports node:path): it should say which Node.js it supports, as the workspace root does.
    ws.writeFile(
      `${TS_ROOT}/src/lib/paths.ts`,
      "import { join } from 'node:path';\n\nexport const joinAll = (...parts: string[]): string => join(...parts);\n",
    );
    ws.writeFile(
      `${TS_ROOT}/src/index.ts`,
      `${index.trimEnd()}\nexport * from './lib/shapes${extension}';\nexport { joinAll } from './lib/paths${extension}';\n`,
    );

    ws.writeFile(`${PY_ROOT}/pyproject.toml`, PYPROJECT);
    for (const [file, content] of Object.entries(PY_FILES)) ws.writeFile(`${PY_ROOT}/${file}`, content);
    for (const [file, content] of Object.entries(FLAT_FILES)) ws.writeFile(`${FLAT_ROOT}/${file}`, content);
    await ws.run('git', ['remote', 'add', 'origin', REMOTE]);
    // The workspace says which Node.js it supports: the metadata generator's source for engines.node.
    ws.writeJson('package.json', { ...ws.readJson<Record<string, unknown>>('package.json'), engines: { node: '>=20.19' } });
  });

  step('installs @shipshape/pipeline (and with it @shipshape/structure) with nx add', async () => {
    const result = ws.setup[1]; // the shared setup's nx add
    expect(result.command).toMatch(/nx add @shipshape\/pipeline/);
    withOutput(result, () => expect(ws.exists('node_modules/@shipshape/structure/generators.json')).toBe(true));
    tsProject = await ws.projectAt(TS_ROOT);
  });

  step('audits before the phase: the structure checks find what the area fixes', async () => {
    const result = await ws.nx(['run-many', '-t', 'audit', '--output-style=static']);
    withOutput(result, () => {
      for (const root of [TS_ROOT, PY_ROOT]) before[root] = structure(report(root).findings);
      note('before the phase', before);
      const ids = new Set([...before[TS_ROOT], ...before[PY_ROOT]].map((f) => f.checkId));
      for (const id of FIXED_BY_PHASE) expect([id, ids.has(id)]).toEqual([id, true]);
      for (const finding of [...before[TS_ROOT], ...before[PY_ROOT]]) {
        expect(ws.exists(finding.file)).toBe(true);
        expect(finding.line).toBeGreaterThanOrEqual(1);
      }
    });
  });

  check('points each finding at the file and line it is about', () => {
    const stars = before[TS_ROOT].filter((f) => f.checkId === 'structure/star-export-barrel');
    const lines = ws.readFile(`${TS_ROOT}/src/index.ts`).split('\n');
    expect(stars.length).toBeGreaterThanOrEqual(2);
    for (const finding of stars) expect(lines[finding.line - 1]).toMatch(/^export \* from/);
    const star = before[PY_ROOT].find((f) => f.checkId === 'structure/init-py-exports' && f.line > 1);
    expect(star).toMatchObject({ file: `${PY_ROOT}/src/pylib/__init__.py`, line: 2 });
    expect(before[PY_ROOT].find((f) => f.checkId === 'structure/missing-init-py')).toMatchObject({
      file: `${PY_ROOT}/src/pylib/extra/farewell.py`,
    });
    for (const finding of [...before[TS_ROOT], ...before[PY_ROOT]].filter(
      (f) => f.checkId === 'structure/star-export-barrel' || f.checkId === 'structure/init-py-exports',
    )) {
      expect(finding.fix?.generator).toBe('@shipshape/structure:barrels');
    }
  });

  step('--dry-run of the phase generator writes nothing', async () => {
    const unchanged = snapshot(watched());
    const result = await ws.nx(['g', '@shipshape/structure:phase', `--project=${tsProject.name}`, '--dry-run', '--no-interactive']);
    withOutput(result, () => {
      expect(result.output).toMatch(/UPDATE packages\/tslib\/package\.json/);
      expect(result.output).toMatch(/NOTE: The "dryRun" flag means no changes were made/);
      expect(snapshot(watched())).toEqual(unchanged);
    });
  });

  step('runs the phase generator on the TS and the Python library', async () => {
    for (const project of [tsProject.name, 'pylib']) {
      const result = await ws.nx(['g', '@shipshape/structure:phase', `--project=${project}`, '--no-interactive']);
      withOutput(result, () => expect(result.output).not.toMatch(/Shipshape: |Error/));
    }
    const pkg = ws.readJson(`${TS_ROOT}/package.json`);
    expect(pkg).toMatchObject({
      description: 'Small helpers for the structure e2e, typed and tree-shakeable.',
      license: 'MIT',
      repository: { type: 'git', url: 'git+https://github.com/acme/structure-e2e.git', directory: TS_ROOT },
      homepage: `https://github.com/acme/structure-e2e/tree/main/${TS_ROOT}#readme`,
      bugs: { url: 'https://github.com/acme/structure-e2e/issues' },
      sideEffects: false,
      engines: { node: '>=20.19' },
      // Without it npm would leave out dist/, which .gitignore ignores: publint reports that once dist/ is built.
      files: ['dist'],
    });
    expect(ws.readFile(`${TS_ROOT}/src/index.ts`)).not.toContain('export *');
    expect(ws.readFile(`${TS_ROOT}/src/index.ts`)).toMatch(/export type \{ Shape \} from '\.\/lib\/shapes(\.js)?';/);
    const init = ws.readFile(`${PY_ROOT}/src/pylib/__init__.py`);
    expect(init).toContain('from .greet import DEFAULT_NAME, greet  # noqa: F403');
    expect(init).toContain('__all__ = [\n    "DEFAULT_NAME",\n    "greet",\n]');
    expect(ws.readFile(`${PY_ROOT}/pyproject.toml`)).toContain('# Shipshape e2e fixture: a Python library on its way to PyPI.');
  });

  step('a second run changes nothing', async () => {
    const once = snapshot(watched());
    for (const project of [tsProject.name, 'pylib']) {
      const result = await ws.nx(['g', '@shipshape/structure:phase', `--project=${project}`, '--no-interactive']);
      withOutput(result, () => expect(result.output).not.toMatch(/^(CREATE|UPDATE|DELETE) /m));
    }
    expect(snapshot(watched())).toEqual(once);
  });

  step('the TS library still builds', async () => {
    const result = await ws.nx(['run', `${tsProject.name}:build`, '--output-style=static', '--skip-nx-cache']);
    withOutput(result, () => expect(result.status).toBe(0));
  });

  step('the Python package still imports, with the __all__ it declares', async () => {
    const code =
      'import json, sys; sys.path.insert(0, "packages/pylib/src"); import pylib, pylib.extra; print(json.dumps([pylib.__all__, pylib.extra.__all__, pylib.greet("e2e")]))';
    const result = await ws.run('python3', ['-I', '-c', code]);
    withOutput(result, () => expect(JSON.parse(result.stdout)).toEqual([['DEFAULT_NAME', 'greet'], ['farewell'], 'Hello, e2e!']));
  });

  step('audits after the phase: what the area fixes is gone, and the gate passes', async () => {
    const result = await ws.nx(['run-many', '-t', 'audit', '--output-style=static']);
    withOutput(result, () => {
      for (const root of [TS_ROOT, PY_ROOT]) {
        after[root] = structure(report(root).findings);
        expect(report(root).summary.passed).toBe(true);
      }
      note('after the phase', after);
      const left = [...after[TS_ROOT], ...after[PY_ROOT]].filter((f) => FIXED_BY_PHASE.includes(f.checkId));
      expect(left.map((f) => `${f.checkId} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
      expect(after[TS_ROOT].length + after[PY_ROOT].length).toBeLessThan(before[TS_ROOT].length + before[PY_ROOT].length);
    });
  });

  step('python-src-layout, asked for by name: --dry-run lists every move and writes nothing, the real run moves', async () => {
    const dry = await ws.nx(['g', '@shipshape/structure:python-src-layout', '--project=flatpy', '--dry-run', '--no-interactive']);
    withOutput(dry, () => {
      expect(dry.output).toContain(`move ${FLAT_ROOT}/flatpy/__init__.py -> ${FLAT_ROOT}/src/flatpy/__init__.py`);
      expect(dry.output).toContain(`move ${FLAT_ROOT}/flatpy/core.py -> ${FLAT_ROOT}/src/flatpy/core.py`);
      expect(ws.exists(`${FLAT_ROOT}/src`)).toBe(false);
      expect(ws.exists(`${FLAT_ROOT}/flatpy/core.py`)).toBe(true);
    });
    const real = await ws.nx(['g', '@shipshape/structure:python-src-layout', '--project=flatpy', '--no-interactive']);
    withOutput(real, () => {
      expect(ws.exists(`${FLAT_ROOT}/flatpy/core.py`)).toBe(false);
      expect(ws.readFile(`${FLAT_ROOT}/pyproject.toml`)).toContain('packages = ["src/flatpy"]');
    });
    const imported = await ws.run('python3', [
      '-I',
      '-c',
      `import sys; sys.path.insert(0, "${FLAT_ROOT}/src"); import flatpy; print(flatpy.answer())`,
    ]);
    withOutput(imported, () => expect(imported.stdout.trim()).toBe('42'));
  });

  check('bad input: a generator on an unknown project says so in one line, without a stack trace', async () => {
    const result = await ws.nx(['g', '@shipshape/structure:metadata', '--project=nope', '--no-interactive'], { allowFailure: true });
    withOutput(result, () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('there is no project "nope" in this workspace');
      expect(result.output).not.toMatch(/\n\s+at .*\.js:\d+/);
    });
  });
});
