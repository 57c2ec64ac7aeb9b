// Dependencies, end to end: a fresh workspace with a TS library and two Python libraries, `nx add
// @shipshape/pipeline` (the shared setup of utils/setups.ts) and `nx add @shipshape/deps`, planted dependency
// issues of every kind the phase can fix; the audit finds each with its file and line, the deps phase
// generator fixes them (a dry run first), the audit is then clean for the deps checks, `npm install` and the
// build still work, the Python package still imports, and `nx graph` shows the Python project's dependency on
// the other Python project.
import { readFileSync, rmSync } from 'node:fs';
import { PIPELINE_WORKSPACE, TS_LIBRARY } from './utils/setups';
import { scenario, withOutput } from './utils/steps';
import { createTestWorkspace, type TestWorkspace } from './utils/workspace';

const TS_ROOT = TS_LIBRARY;
const PY_ROOT = 'packages/pylib';
const HELPERS_ROOT = 'packages/pyhelpers';

// Library code of the TS library. yaml is declared in devDependencies (misplaced); minimatch is not
// declared but installed through nx (transitive); jsonc-parser is declared as "*"; picocolors is declared
// in dependencies but only loaded in a try/catch (optional). All four are installed with nx.
const FEATURES_TS = `import { parse } from 'yaml';
import { minimatch } from 'minimatch';
import { parseTree } from 'jsonc-parser';

export function readConfig(text: string): unknown {
  return parse(text);
}

export function matches(path: string, glob: string): boolean {
  return minimatch(path, glob);
}

export function tree(text: string): unknown {
  return parseTree(text);
}

export async function colors(): Promise<unknown> {
  try {
    return await import('picocolors');
  } catch {
    return undefined;
  }
}
`;

const PYPROJECT = `# Shipshape e2e: a Python library with planted dependency issues.
[project]
name = "pylib"
version = "0.1.0"
requires-python = ">=3.9"
dependencies = [
    "requests>=2.28",  # nothing imports it any more
    "dataclasses",
    "numpy",
    "pytest>=7",
]

[project.optional-dependencies]
templates = ["jinja2>=3.0"]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
`;

// yaml (distribution PyYAML) and pyhelpers (the other Python project) are not declared; jinja2 is an
// optional dependency imported when the module loads; numpy is only imported under try/except ImportError.
const PYLIB_INIT = `"""pylib: Shipshape e2e fixture."""
import yaml
import jinja2

import pyhelpers

try:
    import numpy
except ImportError:
    numpy = None


def render(template: str, **values: object) -> str:
    return pyhelpers.shout(jinja2.Template(template).render(**values))


def load(text: str) -> object:
    return yaml.safe_load(text)
`;

const HELPERS_PYPROJECT = `[project]
name = "pyhelpers"
version = "0.1.0"
requires-python = ">=3.9"
dependencies = []

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
`;

const line = (text: string, fragment: string) => text.split('\n').findIndex((l) => l.includes(fragment)) + 1;

/** What the audit must find: check, file and line, from the planted text. */
function plantedFindings(pkgJson: string): string[] {
  return [
    `deps/misplaced-dependency ${TS_ROOT}/src/lib/features.ts:1`,
    `deps/transitive-dependency ${TS_ROOT}/src/lib/features.ts:2`,
    `deps/optional-dependency ${TS_ROOT}/src/lib/features.ts:${line(FEATURES_TS, "import('picocolors')")}`,
    `deps/version-range ${TS_ROOT}/package.json:${line(pkgJson, '"jsonc-parser"')}`,
    `deps/unused-dependency ${TS_ROOT}/package.json:${line(pkgJson, '"left-pad"')}`,
    `deps/missing-dependency ${PY_ROOT}/src/pylib/__init__.py:${line(PYLIB_INIT, 'import yaml')}`,
    `deps/unguarded-optional-import ${PY_ROOT}/src/pylib/__init__.py:${line(PYLIB_INIT, 'import jinja2')}`,
    `deps/missing-dependency ${PY_ROOT}/src/pylib/__init__.py:${line(PYLIB_INIT, 'import pyhelpers')}`,
    `deps/optional-dependency ${PY_ROOT}/src/pylib/__init__.py:${line(PYLIB_INIT, 'import numpy')}`,
    `deps/unused-dependency ${PY_ROOT}/pyproject.toml:${line(PYPROJECT, '"requests>=2.28"')}`,
    `deps/stdlib-dependency ${PY_ROOT}/pyproject.toml:${line(PYPROJECT, '"dataclasses"')}`,
    `deps/version-range ${PY_ROOT}/pyproject.toml:${line(PYPROJECT, '"numpy"')}`,
    `deps/misplaced-dependency ${PY_ROOT}/pyproject.toml:${line(PYPROJECT, '"pytest>=7"')}`,
  ].sort();
}

interface Finding {
  checkId: string;
  severity: string;
  file: string;
  line: number;
  message: string;
  status: string;
}

describe('dependencies in a fresh Nx workspace', () => {
  const { step, check } = scenario();
  let ws: TestWorkspace;
  let tsProject: string;
  let pyProject: string;
  let helpersProject: string;
  let tsPackageJson: string;

  afterAll(async () => {
    ws?.cleanup();
  });

  const depsFindings = (): Finding[] =>
    [TS_ROOT, PY_ROOT, HELPERS_ROOT].flatMap((root) =>
      (ws.readJson(`reports/shipshape/${root}/audit.json`).findings as Finding[]).filter((f) => f.checkId.startsWith('deps/')),
    );
  const audit = () => ws.nx(['run-many', '-t', 'audit', '--output-style=static', '--skip-nx-cache'], { allowFailure: true });

  step('creates a workspace with a TS library and two Python libraries', async () => {
    // the TS library generated and @shipshape/pipeline added by the shared setup
    ws = await createTestWorkspace('deps', PIPELINE_WORKSPACE);
    const pkg = ws.readJson(`${TS_ROOT}/package.json`);
    delete pkg.private;
    pkg.dependencies = { ...pkg.dependencies, 'jsonc-parser': '*', picocolors: '^1.1.1', 'left-pad': '^1.3.0' };
    pkg.devDependencies = { ...pkg.devDependencies, yaml: '^2.0.0' };
    ws.writeJson(`${TS_ROOT}/package.json`, pkg);
    tsPackageJson = ws.readFile(`${TS_ROOT}/package.json`);
    ws.writeFile(`${TS_ROOT}/src/lib/features.ts`, FEATURES_TS);
    ws.writeFile(`${TS_ROOT}/src/index.ts`, `${ws.readFile(`${TS_ROOT}/src/index.ts`)}export * from './lib/features.js';\n`);

    ws.writeFile(`${PY_ROOT}/pyproject.toml`, PYPROJECT);
    ws.writeFile(`${PY_ROOT}/src/pylib/__init__.py`, PYLIB_INIT);
    ws.writeFile(
      `${PY_ROOT}/tests/test_pylib.py`,
      'import pytest\n\nimport pylib\n\n\ndef test_load() -> None:\n    assert pylib.load("a: 1") == {"a": 1}\n    assert pytest\n',
    );
    ws.writeFile(`${HELPERS_ROOT}/pyproject.toml`, HELPERS_PYPROJECT);
    ws.writeFile(
      `${HELPERS_ROOT}/src/pyhelpers/__init__.py`,
      '"""pyhelpers."""\n\n\ndef shout(text: str) -> str:\n    return text.upper()\n',
    );
  });

  step("nx add @shipshape/pipeline (the setup), then nx add @shipshape/deps, whose plugin the pipeline's plugin runs", async () => {
    expect(ws.setup[1].command).toMatch(/nx add @shipshape\/pipeline/);
    const result = await ws.nx(['add', '@shipshape/deps', '--verbose'], { env: { ...ws.env, NX_VERBOSE_LOGGING: 'true' } });
    withOutput(result, () => {
      expect(result.output).not.toMatch(/Failed to (install|initialize)/);
      const plugins: Array<string | { plugin: string }> = ws.readJson('nx.json').plugins ?? [];
      const names = plugins.map((p) => (typeof p === 'string' ? p : p.plugin));
      // one Shipshape plugin worker: the pipeline's runs the deps and api plugins (the Python edges below prove it)
      expect(names).toContain('@shipshape/pipeline');
      expect(names.filter((name) => name.startsWith('@shipshape/'))).toEqual(['@shipshape/pipeline']);
      expect(ws.exists('node_modules/@shipshape/deps/package.json')).toBe(true);
    });
    const nodes = Object.values(await ws.projects());
    const at = (root: string) => nodes.find((n) => n.data.root === root)?.name ?? '';
    [tsProject, pyProject, helpersProject] = [at(TS_ROOT), at(PY_ROOT), at(HELPERS_ROOT)];
    expect([pyProject, helpersProject]).toEqual(['pylib', 'pyhelpers']);
    expect(tsProject).not.toBe('');
  });

  step('the audit finds every planted dependency issue, with its file and line, and nothing else', async () => {
    const result = await audit();
    withOutput(result, () => {
      const found = depsFindings().map((f) => `${f.checkId} ${f.file}:${f.line}`);
      expect(found.sort()).toEqual(plantedFindings(tsPackageJson));
      // pylib's declared distributions are installed here (a declared backport such as dataclasses needs none), so
      // an undeclared import its package loads is certain to break: an error, and the gate fails.
      const missing = depsFindings().filter((f) => f.checkId === 'deps/missing-dependency');
      expect(missing.map((f) => `${f.message.split(' ')[0]} ${f.severity}`).sort()).toEqual(['"pyhelpers" error', '"yaml" error']);
      expect(result.status).not.toBe(0);
    });
  });

  check('the findings say what to do', () => {
    const messages = depsFindings().map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"yaml" (distribution "PyYAML") is imported by library code'),
        expect.stringContaining('"minimatch" is imported by library code'),
        expect.stringContaining('is only installed as a dependency of "'),
        expect.stringContaining('"dataclasses" is a module of Python\'s standard library'),
      ]),
    );
  });

  step('a dry run of the deps phase generator writes nothing', async () => {
    const files = [`${TS_ROOT}/package.json`, `${PY_ROOT}/pyproject.toml`, `${PY_ROOT}/src/pylib/__init__.py`];
    const before = files.map((f) => ws.readFile(f));
    for (const project of [tsProject, pyProject]) {
      const result = await ws.nx(['g', '@shipshape/deps:phase', `--project=${project}`, '--dry-run', '--no-interactive']);
      withOutput(result, () => expect(result.output).toMatch(/dry-?run/i));
    }
    expect(files.map((f) => ws.readFile(f))).toEqual(before);
    expect(ws.exists(`${PY_ROOT}/src/pylib/_optional.py`)).toBe(false);
  });

  step('the deps phase generator fixes them', async () => {
    for (const project of [tsProject, pyProject, helpersProject]) {
      const result = await ws.nx(['g', '@shipshape/deps:phase', `--project=${project}`, '--no-interactive']);
      withOutput(result, () => expect(result.output).not.toMatch(/\n\s+at .*\(/));
    }
    // The phase removes nothing unless asked: it names what prune would remove, and prune removes it.
    expect(ws.readJson(`${TS_ROOT}/package.json`).dependencies['left-pad']).toBeDefined();
    for (const project of [tsProject, pyProject]) {
      const result = await ws.nx(['g', '@shipshape/deps:prune', `--project=${project}`, '--no-interactive']);
      withOutput(result, () => expect(result.output).not.toMatch(/\n\s+at .*\(/));
    }
    const pkg = ws.readJson(`${TS_ROOT}/package.json`);
    expect(pkg.dependencies).toMatchObject({
      yaml: '^2.0.0',
      'jsonc-parser': expect.stringMatching(/^\^\d+\.\d+\.\d+/),
      minimatch: expect.stringMatching(/^\^\d+/),
    });
    expect(pkg.dependencies['left-pad']).toBeUndefined();
    expect(pkg.peerDependencies).toMatchObject({ picocolors: '^1.1.1' });
    expect(pkg.peerDependenciesMeta).toEqual({ picocolors: { optional: true } });
    const pyproject = ws.readFile(`${PY_ROOT}/pyproject.toml`);
    expect(pyproject).toMatch(/^# Shipshape e2e: a Python library with planted dependency issues\.$/m);
    expect(pyproject).toMatch(/"PyYAML>=\d/);
    expect(pyproject).toContain('"pyhelpers>=0.1.0"');
    // numpy moves to an extra of its own; its missing floor is left to the user (the installed version is likely newer
    // than what the library's users have), so the requirement stays bare.
    expect(pyproject).toMatch(/numpy = \[ ?"numpy" ?\]/);
    expect(pyproject).toMatch(/\[dependency-groups\]\ndev = \[ ?"pytest>=7" ?\]/);
    expect(pyproject).not.toContain('dataclasses');
    expect(pyproject).not.toContain('requests');
    expect(ws.readFile(`${PY_ROOT}/src/pylib/__init__.py`)).toContain(
      'except ImportError:  # optional: installed with the "templates" extra',
    );
  });

  step('the audit is then clean for the deps checks', async () => {
    const result = await audit();
    // numpy's floor is the user's to write: the one finding that stays, as the phase said.
    const left = depsFindings().filter((f) => !(f.checkId === 'deps/version-range' && f.message.includes('"numpy"')));
    withOutput(result, () => expect(left.map((f) => `${f.checkId} ${f.file}:${f.line} ${f.message}`)).toEqual([]));
  });

  step('a second run of the phase changes nothing', async () => {
    const files = [
      `${TS_ROOT}/package.json`,
      `${PY_ROOT}/pyproject.toml`,
      `${PY_ROOT}/src/pylib/__init__.py`,
      `${PY_ROOT}/src/pylib/_optional.py`,
    ];
    const before = files.map((f) => ws.readFile(f));
    for (const project of [tsProject, pyProject]) await ws.nx(['g', '@shipshape/deps:phase', `--project=${project}`, '--no-interactive']);
    expect(files.map((f) => ws.readFile(f))).toEqual(before);
  });

  step('npm install and the build still work', async () => {
    const install = await ws.run('npm', ['install', '--no-audit', '--no-fund']);
    withOutput(install, () => expect(install.status).toBe(0));
    const build = await ws.nx(['run', `${tsProject}:build`, '--output-style=static', '--skip-nx-cache']);
    withOutput(build, () => expect(ws.exists(`${TS_ROOT}/dist/index.js`)).toBe(true));
  });

  step('the Python package still imports, and its optional import falls back to a clear error', async () => {
    const env = { ...ws.env, PYTHONPATH: [`${PY_ROOT}/src`, `${HELPERS_ROOT}/src`].map((p) => ws.path(p)).join(':') };
    const imported = await ws.run('python3', ['-c', 'import pylib; print(pylib.render("{{ x }}", x="ok"), pylib.load("a: 1"))'], { env });
    withOutput(imported, () => expect(imported.stdout.trim()).toBe("OK {'a': 1}"));
    const optional = await ws.run(
      'python3',
      [
        '-c',
        'from pylib._optional import import_optional\ntry:\n    import_optional("not_installed_mod", distribution="x", extra="templates")\nexcept ImportError as e:\n    print(e)',
      ],
      { env },
    );
    withOutput(optional, () => expect(optional.stdout).toContain("pip install 'pylib[templates]'"));
  });

  check('nx graph shows the Python project depending on the other Python project', async () => {
    const file = ws.path('..', 'deps-graph.json');
    await ws.nx(['graph', `--file=${file}`]);
    const graph = JSON.parse(readFileSync(file, 'utf8')).graph;
    rmSync(file, { force: true });
    expect((graph.dependencies[pyProject] as Array<{ target: string }>).map((d) => d.target)).toContain(helpersProject);
  });
});
