import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreateNodesContextV2 } from '@nx/devkit';
import { filesOf, tempWorkspace } from '@shipshape/core/testing';
import { createNodes, createNodesV2 } from './plugin';

describe('createNodes', () => {
  const ws = tempWorkspace(
    filesOf(`
      == package.json
      {"name":"root","private":true,"workspaces":["libs/*"]}
      == libs/ts/package.json
      {"name":"@acme/ts"}
      == libs/py/pyproject.toml
      # the ledger
      [project]
      name = "acme-ledger"
      == libs/both/package.json
      {"name":"both"}
      == libs/both/pyproject.toml
      [project]
      name = "both-py"
      == libs/broken/pyproject.toml
      [project
      name =
      == libs/ts/src/__fixtures__/app/package.json
      {"name":"fixture-app","dependencies":{"@acme/ts":"*"}}
      == libs/py/tests/fixtures/sample/pyproject.toml
      [project]
      name = "sample"
      == examples/demo/package.json
      {"name":"demo"}
      == tools/scripts/package.json
      {"name":"scripts"}
      == tools/gen/project.json
      {"name":"gen"}
      == libs/web/package.json
      {"name":"web","dependencies":{"@acme/ts":"*"}}
      == apps/web-e2e/project.json
      {"name":"web-e2e","implicitDependencies":["web"]}
    `),
  );
  afterAll(() => ws.remove());

  const context: CreateNodesContextV2 = { workspaceRoot: ws.root, nxJsonConfiguration: {} };
  const files = [
    'package.json',
    'libs/ts/package.json',
    'libs/py/pyproject.toml',
    'libs/both/package.json',
    'libs/both/pyproject.toml',
    'libs/broken/pyproject.toml',
    'libs/ts/src/__fixtures__/app/package.json',
    'libs/py/tests/fixtures/sample/pyproject.toml',
    'examples/demo/package.json',
    'tools/scripts/package.json',
    'tools/gen/project.json',
  ];

  const infer = async (options?: object) =>
    Object.fromEntries((await createNodes[1](files, options, context)).map(([file, result]) => [file, result.projects]));

  it('is exported under both names with a manifest glob', () => {
    expect(createNodesV2).toBe(createNodes);
    expect(createNodes[0]).toBe('**/{package.json,pyproject.toml,project.json}');
  });

  it('adds a cached audit target to every library project', async () => {
    const nodes = await infer();
    expect(Object.keys(nodes).sort()).toEqual([
      'libs/both/package.json',
      'libs/broken/pyproject.toml',
      'libs/py/pyproject.toml',
      'libs/ts/package.json',
      'package.json',
      'tools/gen/project.json',
    ]);
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
        '{workspaceRoot}/{pnpm-lock.yaml,yarn.lock,bun.lock}',
        '{workspaceRoot}/eslint.config.{js,mjs,cjs,ts,mts,cts}',
        { runtime: 'cat node_modules/@shipshape/*/package.json 2>/dev/null || true' },
        { env: 'SHIPSHAPE_PYTHON' },
      ],
      outputs: ['{workspaceRoot}/reports/shipshape/libs/ts'],
      options: {},
    });
    expect(target?.metadata?.description).toMatch(/Shipshape checks/);
  });

  it("makes the Python interpreter and its installed distributions an input of a Python project's audit only", async () => {
    const nodes = await infer({ python: '/opt/py/bin/python3' });
    const inputs = (file: string, root: string) => nodes[file]?.[root]?.targets?.audit?.inputs ?? [];
    expect(inputs('libs/py/pyproject.toml', 'libs/py')).toContainEqual({
      runtime: expect.stringMatching(
        /^sh node_modules\/\.cache\/shipshape\/python-key-[0-9a-f]{16}\.sh 2>\/dev\/null \|\| node -e "require\('@shipshape\/pipeline\/print-python'\)" "\/opt\/py\/bin\/python3"$/,
      ),
    });
    expect(inputs('libs/both/package.json', 'libs/both')).toContainEqual({ runtime: expect.stringContaining('print-python') });
    expect(inputs('libs/ts/package.json', 'libs/ts')).not.toContainEqual({ runtime: expect.stringContaining('print-python') });
  });

  it('gives the workspace root the plan status target, told which audit target to run', async () => {
    expect((await infer())['package.json']).toEqual({
      '.': { targets: { status: expect.objectContaining({ executor: '@shipshape/pipeline:status', cache: false, options: {} }) } },
    });
    const status = (await infer({ targetName: 'shipshape', statusTargetName: 'plan-status' }))['package.json']?.['.']?.targets?.[
      'plan-status'
    ];
    expect(status?.options).toEqual({ auditTargetName: 'shipshape' });
  });

  it('recognises a Python project from pyproject.toml alone, named after its distribution', async () => {
    const nodes = await infer();
    expect(nodes['libs/py/pyproject.toml']?.['libs/py']).toMatchObject({ name: 'acme-ledger', projectType: 'library' });
    expect(nodes['libs/broken/pyproject.toml']?.['libs/broken']?.name).toBe('broken');
    expect(nodes['libs/both/package.json']?.['libs/both']?.name).toBeUndefined();
  });

  it("keeps a pyproject's name by its content in Nx's workspace data, and reads a changed pyproject again", async () => {
    const cacheFile = join(ws.root, '.nx/workspace-data/shipshape-pyproject-names.hash');
    const pyproject = join(ws.root, 'libs/py/pyproject.toml');
    const original = readFileSync(pyproject, 'utf8');
    try {
      await infer();
      const written = readFileSync(cacheFile, 'utf8');
      expect(Object.values(JSON.parse(written).entries).sort()).toEqual(['acme-ledger', null]);
      // An entry it wrote is what the next computation names the project by: the file is not parsed again.
      writeFileSync(cacheFile, written.replace('"acme-ledger"', '"named-from-the-cache"'));
      expect((await infer())['libs/py/pyproject.toml']?.['libs/py']?.name).toBe('named-from-the-cache');
      writeFileSync(pyproject, original.replace('acme-ledger', 'acme-ledger-renamed'));
      expect((await infer())['libs/py/pyproject.toml']?.['libs/py']?.name).toBe('acme-ledger-renamed');
      expect((await infer())['libs/broken/pyproject.toml']?.['libs/broken']?.name).toBe('broken');
    } finally {
      writeFileSync(pyproject, original);
      rmSync(cacheFile, { force: true });
    }
  });

  it('adds the files of the projects it depends on when the workspace has a default named input', async () => {
    const withDefault = { ...context, nxJsonConfiguration: { namedInputs: { default: ['{projectRoot}/**/*'] } } };
    const [[, result]] = (await createNodes[1](['libs/ts/package.json'], {}, withDefault)) as Array<
      [string, { projects: Record<string, { targets: Record<string, { inputs: unknown[] }> }> }]
    >;
    expect(result.projects['libs/ts'].targets.audit.inputs).toContain('^default');
  });

  it('adds the files of the projects that declare it, which its structure checks read', async () => {
    const manifests = [
      'libs/ts/package.json',
      'libs/web/package.json',
      'apps/web-e2e/project.json',
      'libs/py/pyproject.toml',
      'libs/ts/src/__fixtures__/app/package.json', // not a project: no input
    ];
    const nodes = Object.fromEntries((await createNodes[1](manifests, {}, context)).map(([file, result]) => [file, result.projects]));
    const inputs = (file: string, root: string) => nodes[file]?.[root]?.targets?.audit?.inputs ?? [];
    expect(inputs('libs/ts/package.json', 'libs/ts')).toContainEqual({ input: 'default', projects: ['web'] });
    expect(inputs('libs/ts/package.json', 'libs/ts').filter((input) => typeof input === 'object' && 'projects' in input)).toHaveLength(1);
    expect(inputs('libs/web/package.json', 'libs/web')).toContainEqual({ input: 'default', projects: ['web-e2e'] });
    for (const [file, root] of [
      ['apps/web-e2e/project.json', 'apps/web-e2e'],
      ['libs/py/pyproject.toml', 'libs/py'],
    ])
      expect(inputs(file, root).filter((input) => typeof input === 'object' && 'projects' in input)).toEqual([]);
  });

  it('uses the configured target name and passes the other options to the target', async () => {
    const nodes = await infer({ targetName: 'shipshape', failOn: 'warning', reportsDir: 'out/{projectRoot}' });
    const targets = nodes['libs/ts/package.json']?.['libs/ts']?.targets ?? {};
    expect(Object.keys(targets)).toEqual(['shipshape']);
    expect(targets.shipshape).toMatchObject({
      options: { failOn: 'warning', reportsDir: 'out/{projectRoot}' },
      outputs: ['{workspaceRoot}/out/libs/ts'],
    });
  });

  it('names nx.json and the option when the plugin options are invalid', async () => {
    await expect(infer({ failOn: 'sometimes' })).rejects.toThrow(
      'invalid Shipshape options in nx.json (plugin "@shipshape/pipeline" options): "failOn" must be one of',
    );
  });

  it('turns no fixture, example or stray package.json into a project: only what the workspace already has, and Python projects', async () => {
    const nodes = await infer();
    expect(nodes['libs/ts/src/__fixtures__/app/package.json']).toBeUndefined();
    expect(nodes['libs/py/tests/fixtures/sample/pyproject.toml']).toBeUndefined();
    expect(nodes['examples/demo/package.json']).toBeUndefined();
    expect(nodes['tools/scripts/package.json']).toBeUndefined();
    expect(nodes['tools/gen/project.json']?.['tools/gen']?.targets?.audit).toBeDefined();
  });

  it('audits what projects.include names and leaves out what projects.exclude names', async () => {
    const nodes = await infer({ projects: { include: ['examples/*'], exclude: ['libs/broken'] } });
    expect(nodes['examples/demo/package.json']?.['examples/demo']?.targets?.audit).toBeDefined();
    expect(nodes['libs/broken/pyproject.toml']).toBeUndefined();
    expect(nodes['libs/py/tests/fixtures/sample/pyproject.toml']?.['libs/py/tests/fixtures/sample']).toMatchObject({ name: 'sample' });
  });

  it("reads pnpm's workspace globs, negations included", async () => {
    const pnpm = tempWorkspace(
      filesOf(`
        == package.json
        {"name":"root","private":true}
        == pnpm-workspace.yaml
        packages:
          - 'packages/*'
          - '!packages/private-*'
        == packages/a/package.json
        {"name":"a"}
        == packages/private-b/package.json
        {"name":"b"}
      `),
    );
    try {
      const results = await createNodes[1](
        ['package.json', 'packages/a/package.json', 'packages/private-b/package.json'],
        {},
        { workspaceRoot: pnpm.root, nxJsonConfiguration: {} },
      );
      expect(results.map(([file]) => file).sort()).toEqual(['package.json', 'packages/a/package.json']);
    } finally {
      pnpm.remove();
    }
  });
});
