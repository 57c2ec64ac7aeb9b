import { Project } from 'ts-morph';
import { moduleExports } from './module-exports';

function program(files: Record<string, string>): Project {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { allowJs: true, target: 9, module: 99, moduleResolution: 100 },
  });
  for (const [path, text] of Object.entries(files)) project.createSourceFile(path, text);
  return project;
}

describe('moduleExports', () => {
  it('follows export * chains and sorts the names', () => {
    const p = program({
      '/src/a.ts': 'export const zeta = 1;\nexport function alpha() {}\n',
      '/src/b.ts': "export * from './a';\nexport class Beta {}\n",
      '/src/index.ts': "export * from './b';\n",
    });
    expect(moduleExports(p, p.getSourceFileOrThrow('/src/index.ts'))).toEqual([
      { name: 'alpha', typeOnly: false },
      { name: 'Beta', typeOnly: false },
      { name: 'zeta', typeOnly: false },
    ]);
  });

  it('tells types from values, through aliases and type-only re-exports', () => {
    const p = program({
      '/src/a.ts':
        'export interface Shape {}\nexport type Id = string;\nexport const value = 1;\nexport class Both {}\nexport enum Kind { A }\n',
      '/src/ns.ts': 'export const inner = 1;\n',
      '/src/index.ts': [
        "import type { Both as ImportedType } from './a';",
        "export { Shape, value } from './a';",
        "export type { Both as TypeOfBoth } from './a';",
        "export { Both, Kind, Id } from './a';",
        "export type * as types from './ns';",
        "export * as values from './ns';",
        'export { ImportedType };',
        '',
      ].join('\n'),
    });
    const byName = Object.fromEntries(moduleExports(p, p.getSourceFileOrThrow('/src/index.ts')).map((e) => [e.name, e.typeOnly]));
    expect(byName).toEqual({
      Both: false,
      Id: true,
      ImportedType: true,
      Kind: false,
      Shape: true,
      TypeOfBoth: true,
      types: true,
      value: false,
      values: false,
    });
  });

  it('is empty for a file that is no module', () => {
    const p = program({ '/src/script.js': 'console.log(1);\n' });
    expect(moduleExports(p, p.getSourceFileOrThrow('/src/script.js'))).toEqual([]);
  });
});
