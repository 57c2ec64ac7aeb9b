import { diskProject } from '../../testing/projects';
import { filesOf } from '../../testing/files-of';
import { tempWorkspace } from '../../testing/temp-workspace';
import { typescriptProgram, typescriptSources } from './typescript';

describe('the TypeScript facts', () => {
  const ws = tempWorkspace({
    ...filesOf(`
      == libs/a/package.json
      {"name":"a"}
      == libs/a/tsconfig.json
      {"compilerOptions":{"strict":true,"noEmit":true},"include":["src/**/*.ts"]}
      == libs/a/src/index.ts
      export { total } from './total';
      == libs/a/src/total.ts
      export function total(xs: number[]): number { return xs.reduce((a, b) => a + b, 0); }
      == libs/a/src/types.d.ts
      declare const x: number;
    `),
    'libs/a/src/logo.ts': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]),
    'libs/a/src/latin1.ts': Buffer.from('export const café = "\xe9";\n', 'latin1'),
    'libs/a/README.md': '# a\n',
    'libs/deep/package.json': '{"name":"deep"}',
    'libs/deep/src/deep.ts': `export const x = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`,
  });
  afterAll(() => ws.remove());

  const project = () => diskProject(ws.root, 'libs/a', { name: 'a' });

  it('reads source files, not declarations or other files', () => {
    expect(project().get(typescriptSources).files).toEqual([
      'libs/a/src/index.ts',
      'libs/a/src/latin1.ts',
      'libs/a/src/logo.ts',
      'libs/a/src/total.ts',
    ]);
  });

  it('extracts each module once, and names files it cannot read as source', () => {
    const sources = project().get(typescriptSources);
    const modules = sources.all();
    expect(modules.find((m) => m.file.endsWith('index.ts'))?.info?.exports.map((e) => e.name)).toEqual(['total']);
    expect(modules.find((m) => m.file.endsWith('logo.ts'))).toMatchObject({ error: 'is a binary file, not source code' });
    expect(modules.find((m) => m.file.endsWith('latin1.ts'))).toMatchObject({ error: 'is not valid UTF-8' });
    const deep = diskProject(ws.root, 'libs/deep').get(typescriptSources).all();
    expect(deep).toEqual([{ file: 'libs/deep/src/deep.ts', error: 'is nested too deeply to be parsed (the parser ran out of stack)' }]);
    expect(sources.module(modules[0].file)).toBe(modules[0]);
  });

  it('builds the typed program from the project tsconfig only when asked, and once', () => {
    const p = project();
    const program = p.get(typescriptProgram);
    expect(p.get(typescriptProgram)).toBe(program);
    const total = program.getSourceFileOrThrow('total.ts').getFunctionOrThrow('total');
    expect(total.getReturnType().getText()).toBe('number');
  });
});
