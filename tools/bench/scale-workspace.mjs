// A synthetic Nx workspace for the scale benchmark: `projects` projects, 80 % TypeScript packages (the
// dependency benchmark's packages: 8 to 28 source files each with real imports and planted issues) and 20 %
// Python packages (src layout, 10 to 30 modules, tests, a pyproject with PEP 621 metadata and tool tables),
// with the tool configs real libraries have (tsconfig.lib.json, vitest/jest configs, eslint.config.mjs,
// README). The Shipshape packages and Nx come from this repository's node_modules, linked, not installed.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDepsWorkspace } from './deps-workspace.mjs';

function write(root, path, content) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
}

/** Every package of the repository's node_modules, linked into the workspace's (next to the fake externals). */
/**
 * Shipshape's own packages are copied as npm would install them (their published files), not linked: Nx treats a
 * plugin whose real path is outside node_modules as a local plugin and loads its TypeScript sources.
 */
function copyPublishedFiles(from, to) {
  const real = realpathSync(from);
  const manifest = JSON.parse(readFileSync(join(real, 'package.json'), 'utf8'));
  mkdirSync(to, { recursive: true });
  for (const entry of ['package.json', ...(manifest.files ?? [])]) {
    if (entry.startsWith('!') || !existsSync(join(real, entry))) continue;
    cpSync(join(real, entry), join(to, entry), { recursive: true, dereference: true });
  }
}

function linkRepositoryModules(root, repo) {
  const from = join(repo, 'node_modules');
  for (const entry of readdirSync(from)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const scoped of readdirSync(join(from, entry))) {
        const target = join(root, 'node_modules', entry, scoped);
        mkdirSync(dirname(target), { recursive: true });
        if (entry === '@shipshape') {
          copyPublishedFiles(join(from, entry, scoped), target);
          continue;
        }
        try {
          symlinkSync(join(from, entry, scoped), target);
        } catch {
          // a fake external of the same name wins
        }
      }
    } else {
      try {
        symlinkSync(join(from, entry), join(root, 'node_modules', entry));
      } catch {
        // a fake external of the same name wins
      }
    }
  }
  mkdirSync(join(root, 'node_modules/.bin'), { recursive: true });
  for (const bin of ['nx', 'knip']) {
    try {
      symlinkSync(join(from, '.bin', bin), join(root, 'node_modules/.bin', bin));
    } catch {
      // already there
    }
  }
}

function typescriptTooling(root, index) {
  const dir = `packages/pkg-${index}`;
  write(root, `${dir}/tsconfig.json`, { extends: '../../tsconfig.json', files: [], references: [{ path: './tsconfig.lib.json' }] });
  write(root, `${dir}/tsconfig.lib.json`, {
    extends: '../../tsconfig.json',
    compilerOptions: { rootDir: 'src', outDir: 'dist', declaration: true },
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.spec.ts'],
  });
  if (index % 2 === 0)
    write(
      root,
      `${dir}/vitest.config.ts`,
      "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ test: { include: ['src/**/*.spec.ts'] } });\n",
    );
  if (index % 3 === 0)
    write(root, `${dir}/eslint.config.mjs`, "import base from '../../eslint.config.mjs';\n\nexport default [...base];\n");
  write(root, `${dir}/README.md`, `# @bench/pkg-${index}\n\nUtilities of package ${index}: parsing, formatting and sizes.\n`);
}

function pythonPackage(root, index) {
  const name = `py_pkg_${index}`;
  const dir = `python/py-pkg-${index}`;
  const modules = 10 + (index % 21);
  write(
    root,
    `${dir}/pyproject.toml`,
    [
      '[build-system]',
      'requires = ["hatchling"]',
      'build-backend = "hatchling.build"',
      '',
      '[project]',
      `name = "py-pkg-${index}"`,
      'version = "1.0.0"',
      `description = "Python package ${index} of the scale benchmark"`,
      'readme = "README.md"',
      'requires-python = ">=3.9"',
      'license = "MIT"',
      'authors = [{ name = "Bench" }]',
      `dependencies = ["requests>=2.28", "attrs>=22"${index % 4 === 0 ? ', "pyyaml>=6"' : ''}]`,
      '',
      '[project.optional-dependencies]',
      'test = ["pytest>=7"]',
      '',
      '[project.urls]',
      `Homepage = "https://example.com/py-pkg-${index}"`,
      '',
      '[tool.pytest.ini_options]',
      'testpaths = ["tests"]',
      '',
      '[tool.ruff]',
      'line-length = 100',
      '',
    ].join('\n'),
  );
  write(root, `${dir}/README.md`, `# py-pkg-${index}\n\nHelpers of package ${index}.\n`);
  const names = Array.from({ length: modules }, (_, k) => `mod_${k}`);
  write(
    root,
    `${dir}/src/${name}/__init__.py`,
    [`"""Package ${index}."""`, `from .mod_0 import size_0`, '', '__all__ = ["size_0"]', ''].join('\n'),
  );
  names.forEach((mod, k) => {
    const lines = [`"""Module ${k} of package ${index}."""`, 'from __future__ import annotations', ''];
    if (k === 0) lines.push('import attrs', '');
    if (k === 1) lines.push('import requests', '');
    if (k === 2 && index % 4 === 0) lines.push('import yaml', '');
    if (k + 1 < modules) lines.push(`from .${names[k + 1]} import size_${k + 1}`, '');
    lines.push(
      `def size_${k}() -> int:`,
      `    return ${k}${k + 1 < modules ? ` + size_${k + 1}()` : ''}`,
      '',
      '',
      `def describe_${k}(text: str) -> str:`,
      '    return " ".join(part.strip() for part in text.split(",") if part.strip())',
      '',
    );
    write(root, `${dir}/src/${name}/${mod}.py`, lines.join('\n'));
  });
  write(
    root,
    `${dir}/tests/test_${name}.py`,
    [`from ${name} import size_0`, '', '', 'def test_size():', '    assert size_0() > 0', ''].join('\n'),
  );
}

/**
 * Writes the workspace into `root`; returns the file the "one project changed" step edits (`changed`: a project
 * many others depend on) and a file of a TypeScript project no other project depends on (`leaf`).
 */
export function generateScaleWorkspace(root, { projects, repo, seed = 1 }) {
  const typescript = Math.round(projects * 0.8);
  const python = projects - typescript;
  generateDepsWorkspace(root, { packages: typescript, seed });
  for (let i = 0; i < typescript; i++) typescriptTooling(root, i);
  for (let i = 0; i < python; i++) pythonPackage(root, i);
  write(root, 'eslint.config.mjs', 'export default [];\n');
  write(root, 'nx.json', {
    $schema: './node_modules/nx/schemas/nx-schema.json',
    namedInputs: { default: ['{projectRoot}/**/*', 'sharedGlobals'], production: ['default'], sharedGlobals: [] },
    // The planted issues fail the gate, and Nx caches no failed task: `never` keeps the warm path measurable.
    // What `nx add @shipshape/pipeline` registers: its plugin, which runs the deps and api plugins in its worker,
    // `quiet` from 500 projects (the init generator's QUIET_FROM_PROJECTS).
    plugins: [
      { plugin: '@shipshape/pipeline', options: { targetName: 'audit', failOn: 'never', ...(projects >= 500 ? { quiet: true } : {}) } },
    ],
  });
  write(root, '.gitignore', 'node_modules\ndist\n.nx\nreports\n');
  linkRepositoryModules(root, repo);
  return { typescript, python, changed: 'packages/pkg-0/src/mod-0.ts', leaf: `${leafPackage(root, typescript)}/src/mod-0.ts` };
}

/**
 * Makes the workspace at `root` (generated as above) the reference of the warm and daemon steps, Nx alone: no
 * Shipshape plugin, and on every project a cached `noop` target with the audit's inputs (less its runtime ones)
 * and an output folder like its report folder, which a shell command writes. What the audit costs beyond it is
 * Shipshape's.
 */
export function withoutShipshape(root, { typescript, python }) {
  const nxJson = JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8'));
  write(root, 'nx.json', { ...nxJson, plugins: [] });
  const noop = (dir) => ({
    executor: 'nx:run-commands',
    cache: true,
    inputs: [
      '{projectRoot}/**/*',
      '^default',
      '{workspaceRoot}/.gitignore',
      '{workspaceRoot}/tsconfig.base.json',
      '{workspaceRoot}/package.json',
      '{workspaceRoot}/package-lock.json',
      '{workspaceRoot}/{pnpm-lock.yaml,yarn.lock,bun.lock}',
      '{workspaceRoot}/eslint.config.{js,mjs,cjs,ts,mts,cts}',
    ],
    outputs: [`{workspaceRoot}/reports/noop/${dir}`],
    options: { command: `mkdir -p reports/noop/${dir} && echo ok > reports/noop/${dir}/done.txt` },
  });
  for (let i = 0; i < typescript; i++) {
    const file = `packages/pkg-${i}/package.json`;
    const manifest = JSON.parse(readFileSync(join(root, file), 'utf8'));
    write(root, file, { ...manifest, nx: { targets: { noop: noop(`packages/pkg-${i}`) } } });
  }
  for (let i = 0; i < python; i++)
    write(root, `python/py-pkg-${i}/project.json`, { name: `py-pkg-${i}`, targets: { noop: noop(`python/py-pkg-${i}`) } });
}

/** The last TypeScript package that no other package depends on. */
function leafPackage(root, count) {
  const used = new Set();
  for (let i = 0; i < count; i++) {
    const manifest = JSON.parse(readFileSync(join(root, `packages/pkg-${i}/package.json`), 'utf8'));
    for (const name of Object.keys(manifest.dependencies ?? {})) used.add(name);
  }
  for (let i = count - 1; i >= 0; i--) if (!used.has(`@bench/pkg-${i}`)) return `packages/pkg-${i}`;
  throw new Error('every generated package has dependents');
}
