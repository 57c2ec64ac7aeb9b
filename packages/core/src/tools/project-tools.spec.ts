import { diskProject, tempWorkspace } from '../testing';
import { projectTools, pythonProjectTools } from './project-tools';

const tools = (root: string, project: string) =>
  Object.fromEntries(
    diskProject(root, project)
      .get(projectTools)
      .map((t) => [t.adapter.name, t]),
  );
const names = (tool: { references: { packages: Array<{ name: string }> } } | undefined) =>
  [...new Set(tool?.references.packages.map((p) => p.name))].sort();

describe('tool adapters', () => {
  const ws = tempWorkspace({
    'package.json': JSON.stringify({ name: 'root', private: true, devDependencies: { nx: '23.2.1', vitest: '3.0.0', prettier: '3.0.0' } }),
    'nx.json': JSON.stringify({
      plugins: ['@nx/vite/plugin', { plugin: '@nx/js/typescript', options: {} }],
      targetDefaults: { '@nx/js:tsc': { cache: true } },
    }),
    'libs/ui/package.json': JSON.stringify({
      name: '@acme/ui',
      scripts: { test: 'vitest run --coverage', build: 'tsup', lint: 'eslint .' },
      devDependencies: {
        tsup: '8.0.0',
        eslint: '9.0.0',
        'eslint-plugin-react': '7.0.0',
        'eslint-config-airbnb': '19.0.0',
        jsdom: '24.0.0',
        tsx: '4.0.0',
      },
      prettier: '@acme/prettier-config',
    }),
    'libs/ui/vitest.config.ts':
      "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { environment: 'jsdom', coverage: { provider: 'istanbul' } } });\n",
    'libs/ui/tsup.config.ts': "export default { entry: ['src/index.ts'], noExternal: ['tiny-lib'] };\n",
    'libs/ui/.eslintrc.json': JSON.stringify({ extends: ['airbnb', 'plugin:react/recommended', 'eslint:recommended'], plugins: ['react'] }),
    'libs/ui/tsconfig.json': JSON.stringify({
      extends: '../../tsconfig.base.json',
      compilerOptions: { types: ['node', 'vitest/globals'], importHelpers: true, outDir: 'dist', rootDir: 'src' },
    }),
    'libs/ui/project.json': JSON.stringify({
      name: 'ui',
      targets: {
        pack: { executor: '@nx/js:tsc', options: { main: 'libs/ui/src/index.ts', outputPath: 'dist/libs/ui' } },
        gen: { command: 'tsx scripts/gen.ts' },
      },
    }),
    'libs/ui/src/index.ts': 'export {};\n',
    'tsconfig.base.json': '{ "compilerOptions": {} }',
    'libs/py/pyproject.toml': [
      '[project]',
      'name = "acme-py"',
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      'requests = "^2.31"',
      'rich = { version = "^13", optional = true }',
      '[tool.poetry.group.dev.dependencies]',
      'pytest = "^8"',
      '[tool.pytest.ini_options]',
      'addopts = "--cov=acme -n auto"',
      'asyncio_mode = "auto"',
      '[tool.mypy]',
      'plugins = ["pydantic.mypy"]',
    ].join('\n'),
  });
  afterAll(() => ws.remove());

  it('reads what each tool of a TS project references, and only tools that are enabled', () => {
    const found = tools(ws.root, 'libs/ui');
    expect(Object.keys(found).sort()).toEqual([
      'config-files',
      'eslint',
      'nx',
      'package-scripts',
      'prettier',
      'tsup',
      'typescript',
      'vitest',
    ]);
    expect(found.vitest.enabledBy).toBe('declared "vitest"');
    expect(names(found.vitest)).toEqual(expect.arrayContaining(['@vitest/coverage-istanbul', '@vitest/coverage-v8', 'jsdom', 'vitest']));
    expect(names(found.eslint)).toEqual(expect.arrayContaining(['eslint', 'eslint-config-airbnb', 'eslint-plugin-react']));
    expect(names(found.eslint)).not.toContain('eslint-config-eslint');
    expect(names(found.prettier)).toEqual(['@acme/prettier-config']);
    expect(names(found.nx)).toEqual(expect.arrayContaining(['@nx/js', '@nx/vite', 'tsx']));
    expect(found.typescript.references.packages.find((p) => p.name === 'tslib')).toMatchObject({
      role: 'runtime',
      via: 'compilerOptions.importHelpers',
    });
    expect(names(found.typescript)).toEqual(expect.arrayContaining(['@types/node', 'tslib', 'typescript', 'vitest']));
    expect(found.typescript.references.outputs).toEqual([expect.objectContaining({ dir: 'libs/ui/dist', from: 'libs/ui/src' })]);
    expect(found.tsup.references.outputs).toEqual([
      expect.objectContaining({ dir: 'libs/ui/dist', entries: ['libs/ui/src/index.ts'], inlines: 'undeclared', inlined: ['tiny-lib'] }),
    ]);
    expect(found.nx.references.entries).toContainEqual(expect.objectContaining({ pattern: 'libs/ui/src/index.ts', kind: 'build' }));
    expect(found.vitest.references.entries).toContainEqual(
      expect.objectContaining({ pattern: 'libs/ui/**/*.{test,spec}.?(c|m)[jt]s?(x)', kind: 'test' }),
    );
  });

  it("reads a Python project's tools: Poetry's own dependency tables, pytest's plugins, mypy's plugins", () => {
    const found = tools(ws.root, 'libs/py');
    expect(found.poetry.references.declared.map((d) => [d.name, d.group, d.section])).toEqual([
      ['requests', 'runtime', 'tool.poetry.dependencies'],
      ['rich', 'optional', 'tool.poetry.dependencies'],
      ['pytest', 'dev', 'tool.poetry.group.dev.dependencies'],
    ]);
    expect(found.poetry.references.declared[0]).toMatchObject({ file: 'libs/py/pyproject.toml', line: 5 });
    expect(names(found.pytest)).toEqual(['pytest', 'pytest-asyncio', 'pytest-cov', 'pytest-xdist']);
    expect(names(found.mypy)).toEqual(['mypy', 'pydantic']);
  });

  it('gives the Python tools alone as projectTools gives them, without the npm tools', () => {
    for (const project of ['libs/py', 'libs/ui']) {
      const all = diskProject(ws.root, project).get(projectTools);
      const python = diskProject(ws.root, project).get(pythonProjectTools);
      expect(python).toEqual(all.filter((t) => t.adapter.ecosystem === 'python'));
    }
    expect(
      diskProject(ws.root, 'libs/py')
        .get(pythonProjectTools)
        .map((t) => t.adapter.name),
    ).toEqual(expect.arrayContaining(['pytest', 'poetry']));
  });
});
