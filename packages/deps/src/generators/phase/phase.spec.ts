import { logger, type Tree } from '@nx/devkit';
import { treeProject } from '@shipshape/core/testing';
import { completeAnalysis } from '../../analysis/dependency-analysis';
import { findRangeProblems } from '../../analysis/version-ranges';
import { DEPS_OPTIONS, depsOptions } from '../../options';
import { changedSince, plantedTree, treeSnapshot } from '../../testing/fixture-workspace';
import { phaseGenerator } from './phase';

// every step of a phase reads the Tree afresh, Python's interpreter and environment included: a Python project takes seconds
const PHASE_TIMEOUT = 60_000;

/** What the deps checks would still find in the Tree, as `kind name`. */
async function remaining(tree: Tree, name: string): Promise<string[]> {
  const project = treeProject(tree, name, [DEPS_OPTIONS]);
  return (await completeAnalysis(project)).flatMap(({ facts, problems }) => [
    ...problems.map((p) => `${p.kind} ${p.name}`),
    ...findRangeProblems(facts, depsOptions(project)).map((r) => `range ${r.declared.name}`),
  ]);
}

describe('deps phase generator', () => {
  let fixture: ReturnType<typeof plantedTree>;
  let tree: Tree;
  beforeAll(() => {
    fixture = plantedTree();
    tree = fixture.tree;
  });
  afterAll(() => fixture.remove());

  it(
    'removes nothing unless asked: what prune would remove is listed, with the command that removes it',
    async () => {
      const warnings: string[] = [];
      const warn = jest.spyOn(logger, 'warn').mockImplementation((message) => void warnings.push(String(message)));
      try {
        await phaseGenerator(tree, { project: '@fx/app-ts' });
      } finally {
        warn.mockRestore();
      }
      expect(await remaining(tree, '@fx/app-ts')).toEqual(['unused unused-lib', 'missing side-effect-pkg']);
      expect(JSON.parse(tree.read('libs/app-ts/package.json', 'utf-8') ?? '{}').dependencies['unused-lib']).toBe('^1.0.0');
      expect(warnings.filter((w) => w.startsWith('@shipshape/deps:phase '))).toEqual([
        '@shipshape/deps:phase left one thing of @fx/app-ts for you:\n  - libs/app-ts/package.json: "unused-lib" is declared in "dependencies" but no code, script or configuration of @fx/app-ts uses it (kept: the phase removes nothing unless asked; nx g @shipshape/deps:prune --project=@fx/app-ts removes it)',
      ]);
    },
    PHASE_TIMEOUT,
  );

  it(
    'with --removeUnused, fixes everything it has a version for in the TS library; what is left is what is not installed',
    async () => {
      await phaseGenerator(tree, { project: '@fx/app-ts', removeUnused: true });
      expect(await remaining(tree, '@fx/app-ts')).toEqual(['missing side-effect-pkg']);
      const pkg = JSON.parse(tree.read('libs/app-ts/package.json', 'utf-8') ?? '{}');
      expect(pkg.dependencies).toEqual({
        'left-pad': '^1.3.0',
        chalk: '^5.3.0',
        'dyn-literal': '^4.0.0',
        'reflect-metadata': '^0.2.1',
        'fx-polyfill': '^1.0.0',
        '@fx/util': '^1.2.0',
        'runtime-in-dev': '^1.2.0',
        'transitive-child': '^1.4.2',
      });
      expect(pkg.peerDependencies).toEqual({ react: '^18.2.0', 'optional-feature': '^3.0.0' });
      expect(pkg.peerDependenciesMeta).toEqual({ 'optional-feature': { optional: true } });
      expect(pkg.devDependencies).toMatchObject({
        'optional-feature': '^3.0.0',
        'dev-in-deps-lib': '^2.0.0',
        '@types/lodash': '^4.14.0',
        '@jest/globals': '^29.7.0',
      });
    },
    PHASE_TIMEOUT,
  );

  it(
    'with --removeUnused, fixes the Python library: declares, moves, removes (stdlib, unused), bounds ranges, loads optional imports lazily',
    async () => {
      await phaseGenerator(tree, { project: 'fx-app-py', removeUnused: true });
      // ujson is imported where its absence is handled (a speedup the user may bring): no dependency to add.
      // Pillow has no lower bound, and the only version at hand is the one installed here: the user picks the floor.
      expect(await remaining(tree, 'fx-app-py')).toEqual(['range Pillow']);
      const text = tree.read('libs/app-py/pyproject.toml', 'utf-8') ?? '';
      expect(text).toBe(`[project]
name = "fx-app-py"
version = "0.1.0"
requires-python = ">=3.9"
dependencies = [
    "requests>=2.28",
    "Pillow",
    "numpy>=1.26.0",
    "attrs>=22",
    "python-dateutil>=2.8",
    "urllib3>=2.1.0",
    "PyYAML>=6.0.1",
    "fx-lib>=0.3.0",
]

[project.optional-dependencies]
plot = ["matplotlib>=3.7"]

[dependency-groups]
dev = ["pytest-cov>=4", "pytest>=7"]
`);
      expect(tree.read('libs/app-py/src/app_py/plot.py', 'utf-8')).toContain(
        'try:\n    import matplotlib.pyplot as plt\nexcept ImportError:',
      );
      expect(tree.exists('libs/app-py/src/app_py/_optional.py')).toBe(true);
    },
    PHASE_TIMEOUT,
  );

  it(
    'changes nothing on a second run, and nothing in the clean projects',
    async () => {
      const before = treeSnapshot(tree);
      for (const project of ['@fx/app-ts', 'fx-app-py', '@fx/clean-ts', 'fx-clean-py', '@fx/util', 'fx-lib'])
        await phaseGenerator(tree, { project });
      expect(changedSince(tree, before)).toEqual([]);
    },
    PHASE_TIMEOUT,
  );

  it('without --project, runs on every project the plan enrolls, and says how to enroll them when there is no plan', async () => {
    const fresh = plantedTree();
    try {
      fresh.tree.write(
        'libs/util/package.json',
        JSON.stringify({ name: '@fx/util', version: '1.2.0', dependencies: { 'unused-lib': '^1.0.0' } }),
      );
      await expect(phaseGenerator(fresh.tree, {})).rejects.toThrow('name a project with --project, or enroll projects in the plan first');
      fresh.tree.write('shipshape-plan.json', JSON.stringify({ version: 1, start: '2025-01-06', projects: ['@fx/util'], weeks: [] }));
      await phaseGenerator(fresh.tree, { skipFormat: true, removeUnused: true });
      expect(JSON.parse(fresh.tree.read('libs/util/package.json', 'utf-8') ?? '{}').dependencies).toEqual({});
    } finally {
      fresh.remove();
    }
  });
});
