import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DependencyType, type CreateDependenciesContext } from '@nx/devkit';
import { projectFiles } from '@shipshape/core';
import { diskProject, withoutPython } from '@shipshape/core/testing';
import { plantedWorkspace, type FixtureWorkspace } from '../testing/fixture-workspace';
import { createDependencies, type createDependencies as CreateDependenciesFn } from './python-project-graph';

const PROJECTS = { '@fx/app-ts': 'libs/app-ts', 'fx-app-py': 'libs/app-py', 'fx-clean-py': 'libs/clean-py', 'fx-lib': 'libs/lib-py' };

function context(root: string): CreateDependenciesContext {
  const projectFileMap = Object.fromEntries(
    Object.entries(PROJECTS).map(([name, projectRoot]) => [
      name,
      diskProject(root, projectRoot)
        .get(projectFiles)
        .map((f) => ({ file: f.file, hash: createHash('sha1').update(readFileSync(f.path)).digest('hex') })),
    ]),
  );
  return {
    externalNodes: {},
    projects: Object.fromEntries(Object.entries(PROJECTS).map(([name, projectRoot]) => [name, { root: projectRoot }])),
    nxJsonConfiguration: {},
    fileMap: { projectFileMap, nonProjectFiles: [] },
    filesToProcess: { projectFileMap, nonProjectFiles: [] },
    workspaceRoot: root,
  };
}

describe('createDependencies: Python projects in the Nx graph', () => {
  let ws: FixtureWorkspace;
  beforeAll(() => {
    ws = plantedWorkspace();
  });
  afterAll(() => ws.remove());

  it('adds an edge for each requirement on, and each import of, another Python project of the workspace', async () => {
    const edges = await createDependencies(undefined, context(ws.root));
    expect(edges.map((e) => `${e.source} -> ${e.target} (${(e as { sourceFile?: string }).sourceFile})`).sort()).toEqual([
      'fx-app-py -> fx-lib (libs/app-py/src/app_py/core.py)',
      'fx-clean-py -> fx-lib (libs/clean-py/pyproject.toml)',
      'fx-clean-py -> fx-lib (libs/clean-py/src/clean_py/__init__.py)',
    ]);
    expect(edges.every((e) => e.type === DependencyType.static)).toBe(true);
  });

  it('reads the imports of the projects whose Python files Nx asks about, and leaves the edges of unchanged files to Nx', async () => {
    const all = context(ws.root);
    const manifestOnly = all.fileMap.projectFileMap['fx-lib'].filter((f) => f.file.endsWith('pyproject.toml'));
    const edges = await createDependencies(undefined, {
      ...all,
      filesToProcess: { projectFileMap: { 'fx-lib': manifestOnly }, nonProjectFiles: [] },
    });
    expect(edges.map((e) => `${e.source} -> ${e.target}`)).toEqual(['fx-clean-py -> fx-lib']);
  });

  it('reads nothing when Nx asks only about files of projects without a pyproject.toml', async () => {
    const all = context(ws.root);
    const loaded: string[] = [];
    // within the isolated registry to the end: core is required lazily, during the calls
    await jest.isolateModulesAsync(async () => {
      jest.doMock('@shipshape/core', () => {
        loaded.push('@shipshape/core');
        return jest.requireActual('@shipshape/core');
      });
      try {
        const { createDependencies: create } = jest.requireActual<typeof import('./python-project-graph')>('./python-project-graph');
        const ask = async (projectFileMap: CreateDependenciesContext['filesToProcess']['projectFileMap']) =>
          (await create(undefined, { ...all, filesToProcess: { projectFileMap, nonProjectFiles: [] } })).map(
            (e) => `${e.source} -> ${e.target}`,
          );
        expect(await ask({ '@fx/app-ts': all.fileMap.projectFileMap['@fx/app-ts'] })).toEqual([]);
        expect(await ask({})).toEqual([]);
        expect(loaded).toEqual([]);
        // a .gitignore, even in a project without Python, may hide or show Python files: the edges are read again
        expect(await ask({ '@fx/app-ts': [{ file: 'libs/app-ts/.gitignore', hash: 'h' }] })).toEqual(['fx-clean-py -> fx-lib']);
        expect(loaded).toEqual(['@shipshape/core']);
      } finally {
        jest.dontMock('@shipshape/core');
      }
    });
  });

  describe('without Python', () => {
    withoutPython();

    it('keeps the edges pyproject.toml declares', async () => {
      // changed files: Nx asks about them again, and reading their imports needs Python
      const changed = context(ws.root);
      for (const files of Object.values(changed.fileMap.projectFileMap)) for (const f of files) f.hash = `${f.hash}-changed`;
      const edges = await createDependencies(undefined, changed);
      expect(edges.map((e) => `${e.source} -> ${e.target}`)).toEqual(['fx-clean-py -> fx-lib']);
    });
  });

  it('with fewer than two projects that have a pyproject.toml, adds no edge and loads nothing of core', async () => {
    // Nx's plugin worker, which loads this plugin, is started for every graph computation: most workspaces have no Python
    const loaded: string[] = [];
    const fewer = {
      ...context(ws.root),
      projects: { '@fx/app-ts': { root: 'libs/app-ts' }, 'fx-lib': { root: 'libs/lib-py' }, root: { root: '.' } },
    };
    let create: typeof CreateDependenciesFn | undefined;
    jest.isolateModules(() => {
      jest.doMock('@shipshape/core', () => {
        loaded.push('@shipshape/core');
        return jest.requireActual('@shipshape/core');
      });
      create = jest.requireActual<typeof import('./python-project-graph')>('./python-project-graph').createDependencies;
    });
    try {
      expect(await create!(undefined, fewer)).toEqual([]);
      expect(loaded).toEqual([]);
      // two of them: core is loaded, and the edge found
      const two = { ...fewer, projects: { ...fewer.projects, 'fx-clean-py': { root: 'libs/clean-py' } } };
      expect((await create!(undefined, two)).map((e) => `${e.source} -> ${e.target}`)).toContain('fx-clean-py -> fx-lib');
      expect(loaded).toEqual(['@shipshape/core']);
    } finally {
      jest.dontMock('@shipshape/core');
    }
  });

  describe('the imports cache in the workspace data directory', () => {
    const saved = { python: process.env.SHIPSHAPE_PYTHON, data: process.env.NX_WORKSPACE_DATA_DIRECTORY };
    let log: string;
    let cacheFile: string;
    const edgesOf = (edges: Awaited<ReturnType<typeof createDependencies>>) =>
      edges.map((e) => `${e.source} -> ${e.target} (${(e as { sourceFile?: string }).sourceFile})`).sort();
    /** The Python processes started since the last call: `passes`, those that parse (not the version probe). */
    const pythonPasses = () => {
      const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
      rmSync(log, { force: true });
      const passes = lines.filter((l) => !l.includes('sys.version_info'));
      return { all: lines.length, passes: passes.length, parsed: passes.join('\n') };
    };
    /** createDependencies as a new Nx process loads it: nothing kept in memory from an earlier call. */
    const inNewProcess = (): typeof CreateDependenciesFn => {
      let loaded: typeof CreateDependenciesFn | undefined;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a copy of the module of its own, as a new process loads it
        loaded = (require('./python-project-graph') as { createDependencies: typeof CreateDependenciesFn }).createDependencies;
      });
      return loaded!;
    };

    beforeAll(() => {
      // The fixture's virtual environment, through a launcher that writes down each start (sys.executable stays the launcher).
      log = join(ws.root, 'python-starts.log');
      const launcher = join(ws.root, '.venv', 'bin', 'python-counted');
      // A parse (`-I -B helper`) reads the files to parse from its input, written down with it.
      writeFileSync(
        launcher,
        [
          '#!/bin/bash',
          `if [ "$2" = "-B" ]; then input=$(cat); printf '%s %s\\n' "$*" "$input" >> '${log}'; exec -a "$0" '${ws.python}' "$@" <<< "$input"; fi`,
          `echo "$*" >> '${log}'`,
          `exec -a "$0" '${ws.python}' "$@"`,
          '',
        ].join('\n'),
      );
      chmodSync(launcher, 0o755);
      process.env.SHIPSHAPE_PYTHON = launcher;
      process.env.NX_WORKSPACE_DATA_DIRECTORY = join(ws.root, 'workspace-data-of-cache-test');
      cacheFile = join(process.env.NX_WORKSPACE_DATA_DIRECTORY, 'shipshape-python-imports.hash');
    });
    afterAll(() => {
      for (const [key, value] of [
        ['SHIPSHAPE_PYTHON', saved.python],
        ['NX_WORKSPACE_DATA_DIRECTORY', saved.data],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    it('lets a new process take the imports of unchanged files from disk, without starting Python', async () => {
      const first = await inNewProcess()(undefined, context(ws.root));
      expect(pythonPasses().passes).toBe(1); // app-py, clean-py and lib-py, parsed in one Python process
      expect(existsSync(cacheFile)).toBe(true);

      const second = await inNewProcess()(undefined, context(ws.root));
      expect(pythonPasses()).toMatchObject({ all: 0, passes: 0 });
      expect(edgesOf(second)).toEqual(edgesOf(first));
    });

    it('reads a changed file again, and only the project that holds it', async () => {
      const helpers = join(ws.root, 'libs/app-py/src/app_py/helpers.py');
      const original = readFileSync(helpers, 'utf8');
      try {
        writeFileSync(helpers, `import lib_py\n${original}`);
        const edges = await inNewProcess()(undefined, context(ws.root));
        const { passes, parsed } = pythonPasses();
        expect(passes).toBe(1);
        expect(parsed).toContain('libs/app-py/src/app_py/helpers.py');
        expect(parsed).not.toContain('libs/clean-py/');
        expect(parsed).not.toContain('libs/lib-py/');
        expect(edgesOf(edges)).toContain('fx-app-py -> fx-lib (libs/app-py/src/app_py/helpers.py)');
      } finally {
        writeFileSync(helpers, original);
      }
      // The original content is cached still: no Python for it.
      const edges = await inNewProcess()(undefined, context(ws.root));
      expect(pythonPasses().all).toBe(0);
      expect(edgesOf(edges)).not.toContain('fx-app-py -> fx-lib (libs/app-py/src/app_py/helpers.py)');
    });

    it('trusts no cache written by another Shipshape version', async () => {
      const written = JSON.parse(readFileSync(cacheFile, 'utf8'));
      writeFileSync(cacheFile, JSON.stringify({ ...written, version: `${written.version}-other` }));
      const edges = await inNewProcess()(undefined, context(ws.root));
      expect(pythonPasses().passes).toBe(1);
      expect(edgesOf(edges)).toContain('fx-app-py -> fx-lib (libs/app-py/src/app_py/core.py)');
    });
  });
});
