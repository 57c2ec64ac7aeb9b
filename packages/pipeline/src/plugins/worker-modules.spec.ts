import type { ExecutorContext, Tree } from '@nx/devkit';

// Nx 23 starts a plugin worker for every graph computation, and the worker loads this package's main entry as the
// plugin: what the entry and the plugin load with them is paid on every `nx` command (daemon off) and file change.
describe("the modules Nx's plugin worker loads with the pipeline's entry", () => {
  const loaded: string[] = [];
  const recorded = (name: string, module: () => unknown) => () => {
    loaded.push(name);
    return module();
  };
  beforeEach(() => {
    loaded.length = 0;
    jest.resetModules();
  });
  afterEach(() => {
    for (const name of ['../executors/audit/audit', '../generators/init/init', '@shipshape/core', '@shipshape/core/engine'])
      jest.dontMock(name);
  });

  it('loads the init generator and the audit executor when they are called, not with the plugin', async () => {
    const executor = jest.fn(async () => ({ success: true }));
    const callback = () => undefined;
    const generator = jest.fn(async () => callback);
    jest.doMock(
      '../executors/audit/audit',
      recorded('executor', () => ({ __esModule: true, default: executor })),
    );
    jest.doMock(
      '../generators/init/init',
      recorded('generator', () => ({ initGenerator: generator })),
    );
    const entry = jest.requireActual<typeof import('../index')>('../index');
    expect(entry.createNodes[0]).toBe('**/{package.json,pyproject.toml,project.json}');
    expect(loaded).toEqual([]);

    const context = { projectName: 'a', root: '/ws' } as ExecutorContext;
    await expect(entry.auditExecutor({ failOn: 'never' }, context)).resolves.toEqual({ success: true });
    expect(executor).toHaveBeenCalledWith({ failOn: 'never' }, context);
    expect(loaded).toEqual(['executor']);

    const tree = {} as Tree;
    await expect(entry.initGenerator(tree, { targetName: 'check' })).resolves.toBe(callback);
    expect(generator).toHaveBeenCalledWith(tree, { targetName: 'check' });
    expect(loaded).toEqual(['executor', 'generator']);
  });

  it("loads neither core's main entry (generators, facts, manifest editors) nor its engine", () => {
    jest.doMock(
      '@shipshape/core',
      recorded('@shipshape/core', () => jest.requireActual('@shipshape/core')),
    );
    jest.doMock(
      '@shipshape/core/engine',
      recorded('@shipshape/core/engine', () => jest.requireActual('@shipshape/core/engine')),
    );
    const entry = jest.requireActual<typeof import('../index')>('../index');
    expect(typeof entry.createDependencies).toBe('function');
    expect(loaded).toEqual([]);
  });
});
