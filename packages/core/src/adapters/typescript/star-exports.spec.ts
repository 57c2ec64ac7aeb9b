import { Project } from 'ts-morph';
import { starExpansions } from './star-exports';

function expansions(index: string, modules: Record<string, string>) {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { target: 9, module: 99, moduleResolution: 100 } });
  project.createSourceFile('/node_modules/dep/index.d.ts', 'export declare const fromDep: number;\n');
  project.createSourceFile('/node_modules/dep/package.json', '{ "name": "dep", "types": "index.d.ts" }');
  for (const [path, text] of Object.entries(modules)) project.createSourceFile(path, text);
  const source = project.createSourceFile('/src/index.ts', index);
  return starExpansions(project, source).map(({ star, names, ambiguous }) => ({
    star: star.getText(),
    names: names?.map((n) => `${n.typeOnly ? 'type ' : ''}${n.name}`),
    ambiguous,
  }));
}

describe('starExpansions', () => {
  it("writes each star out as its module's names, less default, the explicit exports and the ambiguous ones", () => {
    const result = expansions(
      ["export * from './a';", "export type * from './b';", "export { shared } from './b';", 'export const own = 1;', ''].join('\n'),
      {
        '/src/a.ts': 'export const a = 1;\nexport const clash = 1;\nexport const shared = 1;\nexport const own = 2;\nexport default 1;\n',
        '/src/b.ts': 'export const b = 1;\nexport const clash = 2;\nexport const shared = 2;\nexport interface T {}\n',
      },
    );
    expect(result).toEqual([
      { star: "export * from './a';", names: ['a'], ambiguous: ['clash'] },
      { star: "export type * from './b';", names: ['type b', 'type T'], ambiguous: ['clash'] },
    ]);
  });

  it('has no names for a star of a package, and leaves namespace exports and named exports alone', () => {
    const result = expansions(["export * from 'dep';", "export * as ns from './a';", "export { a } from './a';", ''].join('\n'), {
      '/src/a.ts': 'export const a = 1;\n',
    });
    expect(result).toEqual([{ star: "export * from 'dep';", names: undefined, ambiguous: [] }]);
  });

  it('is empty for a module without export *', () => {
    expect(expansions('export const a = 1;\n', {})).toEqual([]);
  });
});
