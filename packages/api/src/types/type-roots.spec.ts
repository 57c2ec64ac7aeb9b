import { tmpdir } from 'node:os';
import { diskProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../options';
import { diskWorkspace, inferredLibrary } from './__fixtures__/workspace';
import { projectCompilerOptions, publicDeclarations } from './program';
import { typeCoverage } from './type-coverage';

jest.setTimeout(120_000);

describe('the @types a project sees', () => {
  let workspace: ReturnType<typeof diskWorkspace>;
  const cwd = process.cwd();
  afterEach(() => {
    process.chdir(cwd);
    workspace?.remove();
  });

  it("are those above the project's tsconfig, wherever the audit runs from", () => {
    workspace = diskWorkspace({
      ...inferredLibrary,
      'node_modules/@types/fake-globals/package.json': '{"name":"@types/fake-globals","version":"1.0.0","types":"index.d.ts"}',
      'node_modules/@types/fake-globals/index.d.ts': 'declare const FAKE_LIMIT: number;\n',
      'libs/store/src/limit.ts': 'export const limit: typeof FAKE_LIMIT = FAKE_LIMIT;\n',
      'libs/store/src/index.ts': `${inferredLibrary['libs/store/src/index.ts']}export { limit } from './limit';\n`,
    });
    const seen = () => {
      const project = diskProject(workspace.root, 'libs/store', { sections: [API_OPTIONS] });
      const limit = project.get(publicDeclarations).find((d) => d.name === 'limit');
      return {
        roots: projectCompilerOptions(project).typeRoots,
        type: limit?.node.getType().getText(),
        coverage: project.get(typeCoverage)?.percent,
      };
    };
    process.chdir(workspace.root);
    const fromRoot = seen();
    process.chdir(tmpdir());
    const fromElsewhere = seen();
    expect(fromRoot.roots).toEqual([`${workspace.root}/node_modules/@types`]);
    expect(fromRoot.type).toBe('number');
    expect(fromElsewhere).toEqual(fromRoot);
  });
});
