import { sharedLibProject, sharedParseCache } from './shared-lib-project';

const OPTIONS = { useInMemoryFileSystem: true, compilerOptions: { target: 9 /* ES2022 */, module: 99 /* ESNext */, strict: true } };

function typed(text: string) {
  const project = sharedLibProject(OPTIONS);
  const file = project.createSourceFile('/src/index.ts', text);
  const type = file.getVariableDeclarationOrThrow('value').getType().getText();
  const lib = project
    .getProgram()
    .compilerObject.getSourceFiles()
    .find((f) => f.fileName.endsWith('/lib.es5.d.ts'));
  return { type, lib };
}

describe('sharedLibProject', () => {
  it('parses the lib files once for every project of the process, and types come out as with a project of its own', () => {
    const first = typed('export const value = [1, 2].map((n) => `${n}`);\n');
    const second = typed('export const value = new Map<string, Promise<number>>();\n');
    expect(first.lib).toBeDefined();
    expect(second.lib).toBe(first.lib);
    expect(first.type).toBe('string[]');
    expect(second.type).toBe('Map<string, Promise<number>>');
  });

  it('keeps lib files apart when the language version differs', () => {
    const es2022 = typed('export const value = 1;\n').lib;
    const project = sharedLibProject({ ...OPTIONS, compilerOptions: { ...OPTIONS.compilerOptions, target: 1 /* ES5 */ } });
    project.createSourceFile('/src/index.ts', 'export const value = 1;\n');
    const es5 = project
      .getProgram()
      .compilerObject.getSourceFiles()
      .find((f) => f.fileName.endsWith('/lib.es5.d.ts'));
    expect(es5).toBeDefined();
    expect(es5).not.toBe(es2022);
  });

  it("shares a package's declaration file between projects only while its text is the same", () => {
    const read = (declaration: string) => {
      const project = sharedLibProject(OPTIONS);
      project.createSourceFile('/node_modules/dep/index.d.ts', declaration);
      const file = project.createSourceFile('/src/index.ts', "import { make } from 'dep';\nexport const value = make();\n");
      const type = file.getVariableDeclarationOrThrow('value').getType().getText();
      const dep = project.getProgram().compilerObject.getSourceFile('/node_modules/dep/index.d.ts');
      return { type, dep };
    };
    const first = read('export declare function make(): number;\n');
    const same = read('export declare function make(): number;\n');
    const changed = read('export declare function make(): string;\n');
    expect(same.dep).toBe(first.dep);
    expect(changed.dep).not.toBe(first.dep);
    expect([first.type, same.type, changed.type]).toEqual(['number', 'number', 'string']);
  });
});

describe('sharedLibProject and the workspace sources', () => {
  const DEPENDENCY = '/packages/dep/src/index.ts';
  const dependent = (dependency: string, compilerOptions: Record<string, unknown> = OPTIONS.compilerOptions) => {
    const project = sharedLibProject({ ...OPTIONS, compilerOptions });
    project.createSourceFile(DEPENDENCY, dependency);
    const file = project.createSourceFile(
      '/packages/app/src/index.ts',
      "import { make } from '../../dep/src/index';\nexport const value = make();\n",
    );
    const type = file.getVariableDeclarationOrThrow('value').getType().getText();
    return { type, dep: project.getProgram().compilerObject.getSourceFile(DEPENDENCY) };
  };

  it('parses a source that several projects read once, and each program types it as alone', () => {
    const first = dependent('export function make(): number { return 1; }\n');
    const second = dependent('export function make(): number { return 1; }\n');
    const changed = dependent('export function make() { return "one"; }\n');
    expect(second.dep).toBe(first.dep);
    expect(changed.dep).not.toBe(first.dep);
    expect([first.type, second.type, changed.type]).toEqual(['number', 'number', 'string']);
  });

  it('keeps a source apart for options that change how it is parsed (the language version here), not for others', () => {
    const es2022 = dependent('export function make(): number { return 2; }\n');
    const loose = dependent('export function make(): number { return 2; }\n', { ...OPTIONS.compilerOptions, strict: false });
    const es2015 = dependent('export function make(): number { return 2; }\n', { ...OPTIONS.compilerOptions, target: 2 /* ES2015 */ });
    expect(loose.dep).toBe(es2022.dep);
    expect(es2015.dep).not.toBe(es2022.dep);
  });

  it('lets the least recently used sources go beyond its size, the lib files never', () => {
    const limit = sharedParseCache.textLimit;
    sharedParseCache.textLimit = 200;
    try {
      const first = dependent(`export function make(): number { return 3; }\n// ${'x'.repeat(150)}\n`);
      dependent(`export function make(): number { return 4; }\n// ${'y'.repeat(150)}\n`);
      const again = dependent(`export function make(): number { return 3; }\n// ${'x'.repeat(150)}\n`);
      expect(again.dep).not.toBe(first.dep);
      expect(typed('export const value = [1].map(String);\n').lib).toBe(typed('export const value = 1;\n').lib);
    } finally {
      sharedParseCache.textLimit = limit;
    }
  });
});
