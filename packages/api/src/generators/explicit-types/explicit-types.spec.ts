import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diskProject } from '@shipshape/core/testing';
import { FsTree } from 'nx/src/generators/tree';
import { flushChanges } from 'nx/src/generators/tree';
import { API_OPTIONS } from '../../options';
import { diskWorkspace, inferredLibrary, typeCheck } from '../../types/__fixtures__/workspace';
import explicitTypes from '../../types/explicit-types';
import { explicitTypesGenerator } from './explicit-types';

jest.setTimeout(240_000);

describe('explicit-types generator', () => {
  let workspace: ReturnType<typeof diskWorkspace>;
  afterEach(() => workspace?.remove());

  const run = async (env: Record<string, string> = {}) => {
    const tree = new FsTree(workspace.root, false);
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      await explicitTypesGenerator(tree, { project: '@fx/store', skipFormat: true });
    } finally {
      process.env = saved;
    }
    const changes = tree.listChanges();
    flushChanges(workspace.root, changes);
    return changes.map((c) => c.path).sort();
  };
  const read = (path: string) => readFileSync(join(workspace.root, path), 'utf8');

  it('writes the inferred types where they print and compile, keeps every other byte, and leaves the rest', async () => {
    workspace = diskWorkspace(inferredLibrary);
    const changed = await run();
    expect(changed).toEqual([
      'libs/store/api/floors.json',
      'libs/store/src/store.ts',
      'libs/store/src/testing.ts',
      'libs/store/src/utils.ts',
    ]);
    const store = read('libs/store/src/store.ts');
    // the compiler asks for the members of the returned object, not for the function's return type
    expect(store).toContain('    get: (): S => state,\n    set(next: S): void {\n');
    expect(store).toContain('function internalHelper() {'); // not exported: untouched
    expect(read('libs/store/src/utils.ts')).toBe(
      '\ufeff// utilities\r\nexport function isKey(value: unknown): value is string | symbol {\r\n  return typeof value === "string" || typeof value === "symbol";\r\n}\r\n\r\nexport const DEFAULT_LIMIT: number = 10 * 2;\r\n\r\nexport class Counter {\r\n  count = 0;\r\n  private step = 1;\r\n  increment(): number {\r\n    this.count += this.step;\r\n    return this.count;\r\n  }\r\n  get double(): number {\r\n    return this.count * 2;\r\n  }\r\n}\r\n\r\nexport async function load(url: string, retries = 3): Promise<{ url: string; retries: number; ok: boolean; }> {\r\n  return { url, retries, ok: true };\r\n}\r\n',
    );
    // any, and a type this file does not import: left, and the file as it was
    expect(read('libs/store/src/parse.ts')).toBe(inferredLibrary['libs/store/src/parse.ts']);
    expect(read('libs/store/src/config.ts')).toBe(inferredLibrary['libs/store/src/config.ts']);
    expect(read('libs/store/tsconfig.lib.json')).toBe(inferredLibrary['libs/store/tsconfig.lib.json']);
    expect(typeCheck(workspace.root, 'libs/store/tsconfig.lib.json')).toBe('');
    expect(JSON.parse(read('libs/store/api/floors.json'))['typescript/type-coverage']).toBeGreaterThan(90);
    const left = explicitTypes.run(diskProject(workspace.root, 'libs/store', { sections: [API_OPTIONS] })) as { file: string }[];
    expect(left.map((f) => f.file).sort()).toEqual(['libs/store/src/config.ts', 'libs/store/src/parse.ts']);
    // a second run changes nothing
    expect(await run()).toEqual([]);
  });

  it('turns on isolatedDeclarations, comments kept, once nothing is left', async () => {
    workspace = diskWorkspace({
      ...inferredLibrary,
      'libs/store/tsconfig.lib.json': inferredLibrary['libs/store/tsconfig.lib.json'].replace(
        '"include": ["src"]',
        '"include": ["src"],\n  "exclude": ["src/**/*.spec.ts"]',
      ),
      'libs/store/src/parse.ts': '/** Parses JSON. */\nexport function parse(text: string): unknown {\n  return JSON.parse(text);\n}\n',
      'libs/store/src/config.ts':
        "import { makeConfig } from './make-config';\nimport type { Config } from './types';\n\nexport const defaults = makeConfig('default');\nexport type { Config };\n",
    });
    await run();
    expect(read('libs/store/src/config.ts')).toContain("export const defaults: Config = makeConfig('default');");
    expect(read('libs/store/tsconfig.lib.json')).toBe(
      inferredLibrary['libs/store/tsconfig.lib.json']
        .replace('"include": ["src"]', '"include": ["src"],\n  "exclude": ["src/**/*.spec.ts"]')
        .replace('"lib": ["ES2022", "DOM"]', '"lib": ["ES2022", "DOM"],\n    "isolatedDeclarations": true'),
    );
    expect(typeCheck(workspace.root, 'libs/store/tsconfig.lib.json')).toBe('');
    expect(explicitTypes.run(diskProject(workspace.root, 'libs/store', { sections: [API_OPTIONS] }))).toEqual([]);
    expect(await run()).toEqual([]);
  });

  it('writes nothing under --dry-run', async () => {
    workspace = diskWorkspace(inferredLibrary);
    const tree = new FsTree(workspace.root, false);
    process.env.NX_DRY_RUN = 'true';
    try {
      await explicitTypesGenerator(tree, { project: '@fx/store', skipFormat: true });
    } finally {
      delete process.env.NX_DRY_RUN;
    }
    expect(read('libs/store/src/store.ts')).toBe(inferredLibrary['libs/store/src/store.ts']);
    expect(read('libs/store/src/utils.ts')).toBe(inferredLibrary['libs/store/src/utils.ts']);
  });
});
