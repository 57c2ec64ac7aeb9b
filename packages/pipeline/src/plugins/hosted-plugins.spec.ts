import type { CreateDependenciesContext, CreateNodesContextV2 } from '@nx/devkit';
import { filesOf, tempWorkspace } from '@shipshape/core/testing';
import { createDependencies, createNodes } from './plugin';

describe("the phase packages' plugins run by the pipeline's plugin", () => {
  const ws = tempWorkspace(
    filesOf(`
      == package.json
      {"name":"root","private":true,"workspaces":["libs/*"]}
      == libs/ts/package.json
      {"name":"@acme/ts","exports":{".":{"types":"./dist/index.d.ts","default":"./dist/index.js"}}}
      == libs/ts/src/index.ts
      export const one = 1;
      == libs/a/pyproject.toml
      [project]
      name = "acme-a"
      dependencies = ["acme-b"]
      == libs/a/src/acme_a/__init__.py
      """A."""
      == libs/b/pyproject.toml
      [project]
      name = "acme-b"
      == libs/b/src/acme_b/__init__.py
      """B."""
    `),
  );
  afterAll(() => ws.remove());
  const files = ['package.json', 'libs/ts/package.json', 'libs/a/pyproject.toml', 'libs/b/pyproject.toml'];
  const nodes = async (plugins: unknown[]) => {
    const context: CreateNodesContextV2 = { workspaceRoot: ws.root, nxJsonConfiguration: { plugins: plugins as never } };
    const results = await createNodes[1](files, {}, context);
    return results
      .filter(([file]) => file === 'libs/ts/package.json')
      .flatMap(([, result]) => Object.keys(result.projects?.['libs/ts']?.targets ?? {}));
  };
  const edges = (plugins: unknown[]) => {
    const projects = { a: { root: 'libs/a' }, b: { root: 'libs/b' } };
    // Nx's first computation: every file is one to process
    const projectFileMap = {
      a: [{ file: 'libs/a/pyproject.toml', hash: 'a' }],
      b: [{ file: 'libs/b/pyproject.toml', hash: 'b' }],
    };
    const context = {
      workspaceRoot: ws.root,
      nxJsonConfiguration: { plugins },
      projects,
      fileMap: { projectFileMap, nonProjectFiles: [] },
      filesToProcess: { projectFileMap, nonProjectFiles: [] },
      externalNodes: {},
    } as unknown as CreateDependenciesContext;
    return createDependencies({}, context);
  };

  it("infers the api plugin's targets when nx.json does not register that plugin itself", async () => {
    expect(await nodes(['@shipshape/pipeline'])).toEqual(expect.arrayContaining(['audit', 'api']));
    // registered by itself, it runs in its own worker: not twice
    expect(await nodes(['@shipshape/pipeline', '@shipshape/api/plugin'])).toEqual(['audit']);
  });

  it("adds the deps plugin's Python edges when nx.json does not register that plugin itself", async () => {
    expect(await edges([{ plugin: '@shipshape/pipeline' }])).toEqual([
      expect.objectContaining({ source: 'a', target: 'b', sourceFile: 'libs/a/pyproject.toml' }),
    ]);
    expect(await edges([{ plugin: '@shipshape/pipeline' }, { plugin: '@shipshape/deps' }])).toEqual([]);
  });
});
