import type { CreateNodesContextV2 } from '@nx/devkit';
import { tempWorkspace } from '@shipshape/core/testing';
import { createNodes, createNodesV2 } from './plugin';

describe('createNodes', () => {
  const ws = tempWorkspace({
    'package.json': '{"name":"root","private":true}',
    'libs/ts/package.json': '{"name":"@acme/ts"}',
    'libs/py/pyproject.toml': '# the ledger\n[project]\nname = "acme-ledger"\n',
    'libs/both/package.json': '{"name":"both"}',
    'libs/both/pyproject.toml': '[project]\nname = "both-py"\n',
    'libs/broken/pyproject.toml': '[project\nname = ',
  });
  afterAll(() => ws.remove());

  const context: CreateNodesContextV2 = { workspaceRoot: ws.root, nxJsonConfiguration: {} };
  const files = ['package.json', 'libs/ts/package.json', 'libs/py/pyproject.toml', 'libs/both/package.json', 'libs/both/pyproject.toml', 'libs/broken/pyproject.toml'];

  const infer = async (options?: object) => Object.fromEntries((await createNodes[1](files, options, context)).map(([file, result]) => [file, result.projects]));

  it('is exported under both names with a manifest glob', () => {
    expect(createNodesV2).toBe(createNodes);
    expect(createNodes[0]).toBe('**/{package.json,pyproject.toml}');
  });

  it('adds a cached audit target to every library project', async () => {
    const nodes = await infer();
    expect(Object.keys(nodes).sort()).toEqual(['libs/both/package.json', 'libs/broken/pyproject.toml', 'libs/py/pyproject.toml', 'libs/ts/package.json', 'package.json']);
    const target = nodes['libs/ts/package.json']?.['libs/ts']?.targets?.audit;
    expect(target).toMatchObject({
      executor: '@shipshape/pipeline:audit',
      cache: true,
      inputs: [
        '{projectRoot}/**/*',
        '{workspaceRoot}/.gitignore',
        '{workspaceRoot}/tsconfig.base.json',
        '{workspaceRoot}/package.json',
        '{workspaceRoot}/package-lock.json',
        { runtime: `node -e "require('@shipshape/pipeline/print-versions')"` },
        { env: 'SHIPSHAPE_PYTHON' },
      ],
      outputs: ['{workspaceRoot}/reports/shipshape/libs/ts'],
      options: {},
    });
    expect(target?.metadata?.description).toMatch(/Shipshape checks/);
  });

  it('gives the workspace root the plan status target, told which audit target to run', async () => {
    expect((await infer())['package.json']).toEqual({ '.': { targets: { status: expect.objectContaining({ executor: '@shipshape/pipeline:status', cache: false, options: {} }) } } });
    const status = (await infer({ targetName: 'shipshape', statusTargetName: 'plan-status' }))['package.json']?.['.']?.targets?.['plan-status'];
    expect(status?.options).toEqual({ auditTargetName: 'shipshape' });
  });

  it('recognises a Python project from pyproject.toml alone, named after its distribution', async () => {
    const nodes = await infer();
    expect(nodes['libs/py/pyproject.toml']?.['libs/py']).toMatchObject({ name: 'acme-ledger', projectType: 'library' });
    expect(nodes['libs/broken/pyproject.toml']?.['libs/broken']?.name).toBe('broken');
    expect(nodes['libs/both/package.json']?.['libs/both']?.name).toBeUndefined();
  });

  it('adds the files of the projects it depends on when the workspace has a default named input', async () => {
    const withDefault = { ...context, nxJsonConfiguration: { namedInputs: { default: ['{projectRoot}/**/*'] } } };
    const [[, result]] = (await createNodes[1](['libs/ts/package.json'], {}, withDefault)) as Array<[string, { projects: Record<string, { targets: Record<string, { inputs: unknown[] }> }> }]>;
    expect(result.projects['libs/ts'].targets.audit.inputs).toContain('^default');
  });

  it('uses the configured target name and passes the other options to the target', async () => {
    const nodes = await infer({ targetName: 'shipshape', failOn: 'warning', reportsDir: 'out/{projectRoot}' });
    const targets = nodes['libs/ts/package.json']?.['libs/ts']?.targets ?? {};
    expect(Object.keys(targets)).toEqual(['shipshape']);
    expect(targets.shipshape).toMatchObject({ options: { failOn: 'warning', reportsDir: 'out/{projectRoot}' }, outputs: ['{workspaceRoot}/out/libs/ts'] });
  });

  it('names nx.json and the option when the plugin options are invalid', async () => {
    await expect(infer({ failOn: 'sometimes' })).rejects.toThrow('invalid Shipshape options in nx.json (plugin "@shipshape/pipeline" options): "failOn" must be one of');
  });
});
