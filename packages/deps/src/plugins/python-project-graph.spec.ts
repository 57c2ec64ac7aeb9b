import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DependencyType, type CreateDependenciesContext } from '@nx/devkit';
import { projectFiles } from '@shipshape/core';
import { diskProject, withoutPython } from '@shipshape/core/testing';
import { plantedWorkspace, type FixtureWorkspace } from '../testing/fixture-workspace';
import { createDependencies } from './python-project-graph';

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
    const unchanged = { ...context(ws.root), filesToProcess: { projectFileMap: {}, nonProjectFiles: [] } };
    const edges = await createDependencies(undefined, unchanged);
    expect(edges.map((e) => `${e.source} -> ${e.target}`)).toEqual(['fx-clean-py -> fx-lib']);
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
});
