import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { tempWorkspace } from '@shipshape/core/testing';
import { initGenerator, QUIET_FROM_PROJECTS } from './init';

describe('init generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  const plugins = () => JSON.parse(tree.read('nx.json', 'utf-8') ?? '{}').plugins;

  it('registers the plugin with its target name', async () => {
    await initGenerator(tree, {});
    expect(plugins()).toContainEqual({ plugin: '@shipshape/pipeline', options: { targetName: 'audit' } });
  });

  it('makes the audit quiet from 500 projects, unless told otherwise', async () => {
    const addProjects = (count: number) => {
      for (let i = 0; i < count; i++) tree.write(`libs/lib-${i}/project.json`, `{"name":"lib-${i}"}`);
    };
    addProjects(QUIET_FROM_PROJECTS - 1);
    tree.write('libs/lib-0/node_modules/dep/package.json', '{}'); // an installed package is no project
    await initGenerator(tree, {});
    expect(plugins()).toContainEqual({ plugin: '@shipshape/pipeline', options: { targetName: 'audit' } });

    const large = createTreeWithEmptyWorkspace();
    for (let i = 0; i < QUIET_FROM_PROJECTS; i++) large.write(`packages/p${i}/package.json`, `{"name":"p${i}"}`);
    const optionsAfter = async (schema: { quiet?: boolean }) => {
      const copy = createTreeWithEmptyWorkspace();
      for (const change of large.listChanges()) if (change.content) copy.write(change.path, change.content);
      await initGenerator(copy, schema);
      return JSON.parse(copy.read('nx.json', 'utf-8') ?? '{}').plugins.find((p: { plugin?: string }) => p.plugin === '@shipshape/pipeline')
        .options;
    };
    expect(await optionsAfter({})).toEqual({ targetName: 'audit', quiet: true });
    expect(await optionsAfter({ quiet: false })).toEqual({ targetName: 'audit' });
  });

  it('makes the audit quiet in a small workspace when asked', async () => {
    await initGenerator(tree, { quiet: true });
    expect(plugins()).toContainEqual({ plugin: '@shipshape/pipeline', options: { targetName: 'audit', quiet: true } });
  });

  it('changes nothing when run a second time', async () => {
    await initGenerator(tree, { targetName: 'shipshape' });
    const nxJson = tree.read('nx.json', 'utf-8');
    const gitignore = tree.read('.gitignore', 'utf-8');
    await initGenerator(tree, { targetName: 'shipshape' });
    expect(tree.read('nx.json', 'utf-8')).toBe(nxJson);
    expect(tree.read('.gitignore', 'utf-8')).toBe(gitignore);
    expect(plugins().filter((p: { plugin?: string }) => p.plugin === '@shipshape/pipeline')).toHaveLength(1);
  });

  it('appends to existing plugins and keeps the rest of nx.json as written', async () => {
    const original =
      '{\n    // the team wants this first\n    "plugins": ["@nx/js/typescript"],\n    "namedInputs": {"default": ["{projectRoot}/**/*"]}\n}\n';
    tree.write('nx.json', original);
    await initGenerator(tree, {});
    const text = tree.read('nx.json', 'utf-8') ?? '';
    expect(text.startsWith('{\n    // the team wants this first\n    "plugins": [\n        "@nx/js/typescript",\n')).toBe(true);
    expect(text.endsWith('"namedInputs": {"default": ["{projectRoot}/**/*"]}\n}\n')).toBe(true);
  });

  it('runs the init generator of each installed phase package', async () => {
    const ws = tempWorkspace({
      'node_modules/@shipshape/deps/package.json': JSON.stringify({ name: '@shipshape/deps', shipshape: { phase: 1 } }),
      'node_modules/@shipshape/deps/generators.json': JSON.stringify({ generators: { init: { factory: './init' } } }),
      'node_modules/@shipshape/deps/init.js': "exports.default = (tree) => { tree.write('deps-init.txt', 'ran'); };\n",
      'node_modules/@shipshape/core/package.json': JSON.stringify({ name: '@shipshape/core' }),
    });
    try {
      Object.defineProperty(tree, 'root', { value: ws.root });
      await initGenerator(tree, {});
      expect(tree.read('deps-init.txt', 'utf-8')).toBe('ran');
    } finally {
      ws.remove();
    }
  });

  it('keeps the audit reports out of git once', async () => {
    tree.write('.gitignore', 'node_modules');
    await initGenerator(tree, {});
    await initGenerator(tree, {});
    expect(tree.read('.gitignore', 'utf-8')).toBe('node_modules\n\n# Shipshape audit reports\n/reports/shipshape\n');
  });

  it('names nx.json when it is malformed, and writes nothing', async () => {
    tree.write('nx.json', '{ "plugins": [ }');
    await expect(initGenerator(tree, {})).rejects.toThrow(/^nx\.json: .*line 1/);
    expect(tree.read('nx.json', 'utf-8')).toBe('{ "plugins": [ }');
  });

  it('rejects an invalid failOn before touching anything', async () => {
    const before = tree.read('nx.json', 'utf-8');
    await expect(initGenerator(tree, { failOn: 'loud' as never })).rejects.toThrow(/"failOn" must be one of/);
    expect(tree.read('nx.json', 'utf-8')).toBe(before);
  });
});
