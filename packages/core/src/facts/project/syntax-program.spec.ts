import { addProjectConfiguration } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { treeProject } from '../../testing/projects';
import { addWorkspaceFile, programPath, syntaxProgram, workspacePathOf } from './syntax-program';

function project() {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, 'lib', { root: 'libs/lib' });
  tree.write('libs/lib/src/index.ts', "export * from './shapes';\n");
  tree.write('libs/lib/src/shapes.ts', 'export interface Shape {}\nexport const square = 1;\n');
  tree.write('libs/lib/src/binary.ts', 'export const a = 1;\u0000\n');
  return treeProject(tree, 'lib');
}

describe('a syntax program', () => {
  it("holds the workspace's files at /-prefixed workspace paths, and resolves their imports", () => {
    const lib = project();
    const program = syntaxProgram();
    for (const file of ['libs/lib/src/index.ts', 'libs/lib/src/shapes.ts']) addWorkspaceFile(program, lib, file);
    const index = program.getSourceFileOrThrow(programPath('libs/lib/src/index.ts'));
    expect(index.getFilePath()).toBe('/libs/lib/src/index.ts');
    expect(workspacePathOf(index)).toBe('libs/lib/src/index.ts');
    expect([...index.getExportedDeclarations().keys()].sort()).toEqual(['Shape', 'square']);
  });

  it('leaves out a binary file, a file over the size limit and one that does not exist', () => {
    const lib = project();
    const program = syntaxProgram();
    addWorkspaceFile(program, lib, 'libs/lib/src/binary.ts');
    addWorkspaceFile(program, lib, 'libs/lib/src/shapes.ts', 10);
    addWorkspaceFile(program, lib, 'libs/lib/src/missing.ts');
    addWorkspaceFile(program, lib, 'libs/lib/src/index.ts', 1000);
    expect(program.getSourceFiles().map(workspacePathOf)).toEqual(['libs/lib/src/index.ts']);
  });

  it('is strict only when asked', () => {
    expect(syntaxProgram().getCompilerOptions().strict).toBeUndefined();
    expect(syntaxProgram({ strict: true }).getCompilerOptions().strict).toBe(true);
  });
});
