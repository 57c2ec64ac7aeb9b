import { diskProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../options';
import { diskWorkspace, inferredLibrary, typedLibrary } from './__fixtures__/workspace';
import explicitTypes from './explicit-types';
import publicAny from './public-any';
import typeCoverage from './type-coverage';

jest.setTimeout(180_000);

type Found = { message: string; file: string; line?: number; severity?: string; key: string };

describe('type annotation checks', () => {
  let workspace: ReturnType<typeof diskWorkspace>;
  afterEach(() => workspace?.remove());
  const project = () => diskProject(workspace.root, 'libs/store', { sections: [API_OPTIONS] });

  it('explicit-types: the compiler’s isolatedDeclarations diagnostics in what the entries export, not in tests or private code', () => {
    workspace = diskWorkspace(inferredLibrary);
    const found = explicitTypes.run(project()) as Found[];
    const at = found.map((f) => `${f.file}:${f.line}`).sort();
    expect(at).toEqual(
      [
        'libs/store/src/config.ts:3',
        'libs/store/src/parse.ts:2',
        'libs/store/src/store.ts:8',
        'libs/store/src/testing.ts:3',
        'libs/store/src/utils.ts:2', // one for the file: four declarations
      ].sort(),
    );
    expect(found.find((f) => f.file.endsWith('parse.ts'))?.message).toMatch(/`parse` has no explicit return type.*TS9007/);
    expect(found.map((f) => f.file)).not.toContain('libs/store/src/store.spec.ts');
  });

  it('explicit-types: one finding per file with the count when a file has many', () => {
    workspace = diskWorkspace({
      ...inferredLibrary,
      'libs/store/src/index.ts': "export * from './many';\n",
      'libs/store/src/many.ts': ['a', 'b', 'c', 'd', 'e'].map((n) => `export function ${n}() {\n  return '${n}'.length;\n}\n`).join(''),
    });
    const found = explicitTypes.run(project()) as Found[];
    expect(found.filter((f) => f.file.endsWith('many.ts'))).toEqual([
      expect.objectContaining({ line: 1, key: 'explicit:file', message: expect.stringMatching(/^5 exported declarations of this file/) }),
    ]);
  });

  it('explicit-types and public-any stay quiet on a typed library', () => {
    workspace = diskWorkspace(typedLibrary);
    expect(explicitTypes.run(project())).toEqual([]);
    expect(publicAny.run(project())).toEqual([]);
  });

  it('public-any: the any its users get, written or inferred; not inputs, constraints, any-functions, or unresolved imports', () => {
    workspace = diskWorkspace({
      ...typedLibrary,
      'libs/store/src/index.ts': "export * from './events';\n",
      'libs/store/src/events.ts': [
        "import { Thing } from 'not-installed';",
        'export interface Event {',
        '  name: string;',
        '  payload: any;',
        '  meta: Record<string, any>;',
        '}',
        'export function on(name: string, handler: (payload: any) => void): void {}',
        'export function emit(name: string, payload: any): boolean { return true; }',
        'export function debounce<F extends (...args: any[]) => any>(fn: F): F { return fn; }',
        'export function isFn(value: unknown): value is (...args: any[]) => any { return typeof value === "function"; }',
        'export function decode(text: string) { return JSON.parse(text); }',
        'export function thing() { return new Thing(); }',
        'export class Bus {',
        '  private cache: any;',
        '  last: any[] = [];',
        '}',
        'export type AnyEvent = Event & { [key: string]: any };',
      ].join('\n'),
    });
    const found = (publicAny.run(project()) as Found[]).map((f) => `${f.line} ${f.key}`);
    expect(found).toEqual([
      '4 any:Event.payload:type',
      '5 any:Event.meta:type',
      '7 any:on:parameter "handler"',
      '11 any:decode:return type',
      '15 any:Bus.last:type',
    ]);
  });

  it('type-coverage: the figure against its floor, which only a fall turns into an error', () => {
    workspace = diskWorkspace({
      ...inferredLibrary,
      'libs/store/src/loose.ts': 'export function nameOf(value: any): string {\n  const name = value.name;\n  return name;\n}\n',
    });
    const first = typeCoverage.run(project()) as Found[];
    expect(first).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringMatching(/^type coverage \(\d+ of \d+ identifiers typed.* has no floor yet/),
      }),
    ]);
    workspace.write({ 'libs/store/api/floors.json': '{ "typescript/type-coverage": 100 }\n' });
    const fell = typeCoverage.run(project()) as Found[];
    expect(fell).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'libs/store/api/floors.json',
        message: expect.stringMatching(/fell to .* below its floor of 100 %/),
      }),
    ]);
  });
});
