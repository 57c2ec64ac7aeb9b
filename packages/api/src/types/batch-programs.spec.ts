import { symlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ShipshapeWorkspace } from '@shipshape/core';
import { diskSource, resolveOptions } from '@shipshape/core/engine';
import { diskProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../options';
import { diskWorkspace, inferredLibrary } from './__fixtures__/workspace';
import { missingTypes } from './isolated-declarations';
import { publicDeclarations, typesProgram } from './program';

jest.setTimeout(180_000);

/** The store library, and an app library that builds its public API from the store's inferred types. */
const files: Record<string, string> = {
  ...inferredLibrary,
  // the store as a workspace package is consumed: its sources are its types
  'libs/store/package.json': JSON.stringify({ name: '@fx/store', version: '1.0.0', exports: { '.': './src/index.ts' } }),
  'libs/app/package.json': JSON.stringify({
    name: '@fx/app',
    version: '1.0.0',
    main: './src/index.ts',
    dependencies: { '@fx/store': '1.0.0' },
  }),
  'libs/app/tsconfig.json': '{\n  "extends": "./tsconfig.lib.json"\n}\n',
  'libs/app/tsconfig.lib.json': inferredLibrary['libs/store/tsconfig.lib.json'],
  'libs/app/src/index.ts': [
    "import { createStore, defaults } from '@fx/store';",
    '',
    'export const appStore = createStore(defaults);',
    'export function limitOf(): number {',
    '  return appStore.get().limit;',
    '}',
    'export const named = defaults.name;',
    '',
  ].join('\n'),
};

const summary = (project: ReturnType<typeof diskProject>) => ({
  declarations: project.get(publicDeclarations).map((d) => `${d.file}:${d.name}: ${d.node.getType().getText(d.node)}`),
  missing: project.get(missingTypes).map((m) => `${m.declaration.file}:${m.line}:${m.column} ${m.code} ${m.message}`),
});

describe('the typed program in a batch', () => {
  let workspace: ReturnType<typeof diskWorkspace>;
  afterEach(() => workspace?.remove());

  it('is one program for projects with the same options, and each project finds what it finds alone', () => {
    workspace = diskWorkspace(files);
    mkdirSync(join(workspace.root, 'node_modules/@fx'), { recursive: true });
    symlinkSync(join(workspace.root, 'libs/store'), join(workspace.root, 'node_modules/@fx/store'), 'dir');
    const roots = ['libs/store', 'libs/app'];
    const alone = roots.map((root) => summary(diskProject(workspace.root, root, { sections: [API_OPTIONS] })));
    const batched = new ShipshapeWorkspace({
      source: diskSource(workspace.root),
      options: resolveOptions({}, 'test options', [API_OPTIONS]),
      batch: roots.map((root) => ({ name: root.split('/')[1], root })),
    });
    const projects = roots.map((root) => batched.project({ name: root.split('/')[1], root }));
    expect(projects[0].get(typesProgram)).toBe(projects[1].get(typesProgram));
    const together = projects.map(summary);
    // the app's inferred exports are found through the store's types, as alone
    expect(alone[1].missing.some((m) => m.startsWith('libs/app/src/index.ts:3:14 9010'))).toBe(true);
    expect(alone[1].declarations).toContain('libs/app/src/index.ts:named: string');
    expect(alone[0].missing.length).toBeGreaterThan(0);
    expect(together).toEqual(alone);
  });
});
