import { sharedLibProject } from './shared-lib-project';

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
