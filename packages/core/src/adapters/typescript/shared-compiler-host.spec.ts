import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as typescript from 'typescript';
import { tempWorkspace } from '../../testing/temp-workspace';
import { sharedCompilerHost } from './shared-compiler-host';

describe('a compiler host whose parsed files are shared in the process', () => {
  const ws = tempWorkspace({
    'a.ts': 'export const a: number = 1;\nexport const wrong: string = 2;\n',
    'b.ts': "import { a } from './a';\nexport const b = a + 1;\n",
  });
  afterAll(() => ws.remove());
  const options: typescript.CompilerOptions = { target: typescript.ScriptTarget.ES2022, strict: true, noEmit: true, types: [] };
  const program = (host?: typescript.CompilerHost) => typescript.createProgram([join(ws.root, 'b.ts')], options, host);
  const shared = () => sharedCompilerHost<typescript.CompilerHost>(typescript, options);
  const diagnostics = (p: typescript.Program) =>
    typescript
      .getPreEmitDiagnostics(p)
      .map((d) => `${d.file?.fileName ?? ''}:${d.start ?? ''} ${typescript.flattenDiagnosticMessageText(d.messageText, '\n')}`);

  it('gives two programs the same parsed lib and source files, with the diagnostics of an unshared program', () => {
    const [first, second] = [program(shared()), program(shared())];
    const lib = (p: typescript.Program) => p.getSourceFiles().find((f) => f.fileName.endsWith('lib.es5.d.ts'));
    expect(lib(first)).toBeDefined();
    expect(lib(second)).toBe(lib(first));
    expect(second.getSourceFile(join(ws.root, 'a.ts'))).toBe(first.getSourceFile(join(ws.root, 'a.ts')));
    expect(diagnostics(second)).toEqual(diagnostics(program()));
    expect(diagnostics(second).join('\n')).toContain("Type 'number' is not assignable to type 'string'");
  });

  it('parses a file again once its text has changed', () => {
    const before = program(shared()).getSourceFile(join(ws.root, 'a.ts'));
    writeFileSync(join(ws.root, 'a.ts'), 'export const a: number = 1;\n');
    const after = program(shared());
    expect(after.getSourceFile(join(ws.root, 'a.ts'))).not.toBe(before);
    expect(diagnostics(after)).toEqual([]);
  });
});
