import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { logger } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { packageJson } from '../facts/project/manifests';
import { editJson } from '../manifest';
import { tempWorkspace } from '../testing/temp-workspace';
import { conditional, defineFixGenerator, isDryRun } from './fix-generator';
import { definePhaseGenerator } from './phase-generator';

/** Adds a "license" to the project's package.json when it has none; leaves a note when there is no package.json. */
const license = defineFixGenerator<{ project?: string; skipFormat?: boolean }>({
  name: '@acme/demo:license',
  fix: ({ project }) => {
    const manifest = project.get(packageJson);
    if (!manifest) return { left: [`${project.file('package.json')} does not exist: write it first`] };
    if (manifest.data.license) return {};
    return {
      changes: [{ path: manifest.path, content: editJson(manifest.text, [{ path: ['license'], value: 'MIT' }]) }],
      done: [`${manifest.path}: "license": "MIT"`],
    };
  },
});

/** Reads what the step before it wrote: the facts of each step see the Tree as it is then. */
const author = defineFixGenerator<{ project?: string; skipFormat?: boolean }>({
  name: '@acme/demo:author',
  fix: ({ project }) => {
    const manifest = project.get(packageJson);
    return manifest?.data.license
      ? { changes: [{ path: manifest.path, content: editJson(manifest.text, [{ path: ['author'], value: 'Acme' }]) }] }
      : { left: ['no license yet'] };
  },
});

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('libs/a/package.json', '{\n    "name": "@ws/a"\n}\n');
  tree.write('libs/a/project.json', JSON.stringify({ name: '@ws/a', root: 'libs/a' }));
  tree.write('libs/b/project.json', JSON.stringify({ name: '@ws/b', root: 'libs/b' }));
  return tree;
}

describe('defineFixGenerator', () => {
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    jest.spyOn(logger, 'warn').mockImplementation((message) => void warnings.push(String(message)));
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('finds the project by its short name, writes what changed keeping the file, and is idempotent', async () => {
    const tree = workspace();
    await license(tree, { project: 'a', skipFormat: true });
    expect(tree.read('libs/a/package.json', 'utf-8')).toBe('{\n    "name": "@ws/a",\n    "license": "MIT"\n}\n');
    const changes = tree.listChanges().length;
    await license(tree, { project: '@ws/a', skipFormat: true });
    expect(tree.listChanges()).toHaveLength(changes);
  });

  it('reports what it leaves to the user in one block naming the project', async () => {
    await license(workspace(), { project: 'b', skipFormat: true });
    expect(warnings).toEqual([
      '@acme/demo:license left one thing of @ws/b for you:\n  - libs/b/package.json does not exist: write it first',
    ]);
  });

  it('names the projects there are when --project is missing or unknown', async () => {
    await expect(license(workspace(), { skipFormat: true })).rejects.toThrow('--project is required; projects: @ws/a, @ws/b');
    await expect(license(workspace(), { project: 'c', skipFormat: true })).rejects.toThrow(
      'there is no project "c" in this workspace; projects: @ws/a, @ws/b',
    );
  });
});

describe('the report under --dry-run', () => {
  let infos: string[];
  let warnings: string[];
  const dryRun = process.env.NX_DRY_RUN;
  beforeEach(() => {
    [infos, warnings] = [[], []];
    jest.spyOn(logger, 'info').mockImplementation((message) => void infos.push(String(message)));
    jest.spyOn(logger, 'warn').mockImplementation((message) => void warnings.push(String(message)));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    if (dryRun === undefined) delete process.env.NX_DRY_RUN;
    else process.env.NX_DRY_RUN = dryRun;
  });

  it('is what `nx g` says it is: NX_DRY_RUN, set by its generate command to "true" or "false"', () => {
    expect([isDryRun({ NX_DRY_RUN: 'true' }), isDryRun({ NX_DRY_RUN: 'false' }), isDryRun({})]).toEqual([true, false, false]);
  });

  it.each([
    [
      'libs/a/package.json: removed "left-pad" from dependencies (nothing uses it)',
      'libs/a/package.json: would remove "left-pad" from dependencies (nothing uses it)',
    ],
    ['libs/a/package.json: declared "yaml" (^2.0.0) in dependencies', 'libs/a/package.json: would declare "yaml" (^2.0.0) in dependencies'],
    [
      'libs/a/pyproject.toml: moved "pytest" from project.dependencies to [dependency-groups] dev',
      'libs/a/pyproject.toml: would move "pytest" from project.dependencies to [dependency-groups] dev',
    ],
    ['libs/a/package.json: added "exports"', 'libs/a/package.json: would add "exports"'],
    ['libs/a/src/x.py:3: wrapped "import yaml" in try/except', 'libs/a/src/x.py:3: would wrap "import yaml" in try/except'],
    ['Wrote libs/a/README.md', 'Would write libs/a/README.md'],
    ['move libs/a/pkg/x.py -> libs/a/src/pkg/x.py', 'would move libs/a/pkg/x.py -> libs/a/src/pkg/x.py'],
    ['libs/a/package.json: "license": "MIT"', 'would write libs/a/package.json: "license": "MIT"'],
    [
      'libs/a/src/optional/yaml.ts: loadYaml() loads "yaml" on first use',
      'would write libs/a/src/optional/yaml.ts: loadYaml() loads "yaml" on first use',
    ],
    ['@ws/a already has its packages under src/: nothing to move', '@ws/a already has its packages under src/: nothing to move'],
    ['libs/a/package.json: removedness is not a verb', 'would write libs/a/package.json: removedness is not a verb'],
  ])('%s → %s', (line, expected) => {
    expect(conditional(line)).toBe(expected);
  });

  it('says what the generator would do and would leave, naming the files, and writes through the Tree only', async () => {
    process.env.NX_DRY_RUN = 'true';
    const tree = workspace();
    await license(tree, { project: '@ws/a', skipFormat: true });
    await license(tree, { project: '@ws/b', skipFormat: true });
    expect(infos).toEqual(['@acme/demo:license: would write libs/a/package.json: "license": "MIT"']);
    expect(warnings).toEqual([
      '@acme/demo:license would leave one thing of @ws/b for you:\n  - libs/b/package.json does not exist: write it first',
    ]);
  });

  it('speaks in the past without --dry-run', async () => {
    process.env.NX_DRY_RUN = 'false';
    await license(workspace(), { project: '@ws/b', skipFormat: true });
    expect(warnings).toEqual([
      '@acme/demo:license left one thing of @ws/b for you:\n  - libs/b/package.json does not exist: write it first',
    ]);
  });
});

describe('definePhaseGenerator', () => {
  beforeEach(() => {
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const phase = definePhaseGenerator<{ project?: string; skipFormat?: boolean; withAuthor?: boolean }>({
    name: '@acme/demo:phase',
    steps: [
      { name: 'license', generator: license },
      { name: 'author', generator: author, when: (schema) => schema.withAuthor === true },
    ],
  });

  it('runs its steps in order, each on the Tree the previous one left, and a step only when asked', async () => {
    const tree = workspace();
    await phase(tree, { project: 'a', skipFormat: true });
    expect(JSON.parse(tree.read('libs/a/package.json', 'utf-8')!)).toEqual({ name: '@ws/a', license: 'MIT' });
    await phase(tree, { project: 'a', skipFormat: true, withAuthor: true });
    expect(JSON.parse(tree.read('libs/a/package.json', 'utf-8')!)).toEqual({ name: '@ws/a', license: 'MIT', author: 'Acme' });
  });

  it("applies to the plan's enrolled projects without --project, and says how to enroll when there is no plan", async () => {
    const tree = workspace();
    await expect(phase(tree, { skipFormat: true })).rejects.toThrow('name a project with --project, or enroll projects in the plan first');
    tree.write('shipshape-plan.json', JSON.stringify({ version: 1, start: '2026-12-07', projects: ['@ws/a'], weeks: [] }));
    await phase(tree, { skipFormat: true });
    expect(JSON.parse(tree.read('libs/a/package.json', 'utf-8')!).license).toBe('MIT');
  });
});

describe('finishGenerator', () => {
  it("never formats the user's files a generator edited in place", async () => {
    const ws = tempWorkspace({
      'nx.json': '{}',
      'package.json': JSON.stringify({ name: 'ws', devDependencies: { prettier: '3.10.1' } }),
      '.prettierrc': '{ "singleQuote": true }',
      'libs/a/package.json': '{\r\n    "name": "@ws/a",\r\n    "keywords": ["a",   "b"]\r\n}\r\n',
      'libs/a/project.json': JSON.stringify({ name: '@ws/a', root: 'libs/a' }),
    });
    // The workspace's own Prettier, as a user's workspace has it installed.
    symlinkSync(join(__dirname, '../../../../node_modules'), join(ws.root, 'node_modules'), 'dir');
    // Nx's own Tree over a folder, as `nx g` makes one: the files on disk are the user's.
    const { FsTree } = jest.requireActual<{ FsTree: new (root: string, verbose: boolean) => Tree }>('nx/src/generators/tree');
    const tree = new FsTree(ws.root, false);
    const original = tree.read('libs/a/package.json', 'utf-8')!;
    const editing = defineFixGenerator<{ project?: string; skipFormat?: boolean }>({
      name: '@acme/demo:edit',
      fix: ({ project }) => {
        const manifest = project.get(packageJson)!;
        return {
          changes: [
            { path: manifest.path, content: editJson(manifest.text, [{ path: ['license'], value: 'MIT' }]) },
            { path: 'libs/a/src/new.ts', content: 'export const x = "double"\n' },
          ],
        };
      },
    });
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    await editing(tree, { project: 'a' });
    jest.restoreAllMocks();
    expect(tree.read('libs/a/package.json', 'utf-8')).toBe(original.replace('"b"]\r\n', '"b"],\r\n    "license": "MIT"\r\n'));
    // (That the created file is formatted is shown end to end: Prettier cannot be loaded inside jest.)
    expect(tree.read('libs/a/src/new.ts', 'utf-8')).toBeDefined();
    ws.remove();
  });
});
