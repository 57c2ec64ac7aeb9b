import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { filesOf } from '../testing/files-of';
import { tempWorkspace } from '../testing/temp-workspace';
import { diskSource } from './file-source';
import { listFiles } from './list-files';
import { decodeSource } from './read-source';

describe('listFiles', () => {
  const ws = tempWorkspace(
    filesOf(`
      == .gitignore
      dist
      *.log
      == libs/a/package.json
      {}
      == libs/a/src/index.ts
      export const a = 1;
      == libs/a/src/generated/.gitignore
      snapshots/
      == libs/a/src/generated/snapshots/big.ts
      x
      == libs/a/src/generated/kept.ts
      y
      == libs/a/dist/index.js
      ignored by the root .gitignore
      == libs/a/debug.log
      ignored
      == libs/a/node_modules/x/index.js
      never listed
      == libs/b/src/b.ts
      outside the project
    `),
  );
  afterAll(() => ws.remove());

  const list = (maxFileBytes = 1_000_000) => listFiles(diskSource(ws.root), 'libs/a', maxFileBytes);

  it('lists the files git would track, workspace-relative with forward slashes', () => {
    expect(list().files.map((f) => f.file)).toEqual([
      'libs/a/package.json',
      'libs/a/src/generated/.gitignore',
      'libs/a/src/generated/kept.ts',
      'libs/a/src/index.ts',
    ]);
  });

  it('reports a symlink loop once instead of following it', () => {
    symlinkSync(join(ws.root, 'libs/a/src'), join(ws.root, 'libs/a/src/loop'));
    const { files, skipped } = list();
    expect(files.filter((f) => f.file.includes('loop'))).toEqual([]);
    expect(skipped).toEqual([{ file: 'libs/a/src/loop', message: expect.stringContaining('symbolic link loop') }]);
  });

  it('skips files over the size limit and says so', () => {
    ws.write({ 'libs/a/src/huge.ts': 'x'.repeat(4096) });
    const { files, skipped } = list(2048);
    expect(files.map((f) => f.file)).not.toContain('libs/a/src/huge.ts');
    expect(skipped).toContainEqual({
      file: 'libs/a/src/huge.ts',
      message: 'is 4,096 bytes, over the limit of 2,048 bytes (maxFileBytes); not analyzed',
    });
  });

  it('leaves out the files of a project nested in this one, and says which folders those are', () => {
    ws.write({
      'libs/a/examples/demo/package.json': '{"name":"demo"}',
      'libs/a/examples/demo/index.ts': 'x',
      'libs/a/tools/py/pyproject.toml': '[project]\nname = "py"\n',
      'libs/a/src/esm/package.json': '{"type":"module"}',
    });
    const { files, nested } = list();
    expect(nested).toEqual(['libs/a/examples/demo', 'libs/a/tools/py']);
    expect(files.map((f) => f.file).filter((f) => f.includes('examples') || f.includes('tools'))).toEqual([]);
    expect(files.map((f) => f.file)).toContain('libs/a/src/esm/package.json');
  });

  it('returns nothing for a project folder that does not exist', () => {
    expect(listFiles(diskSource(ws.root), 'libs/none', 10)).toEqual({ files: [], skipped: [], nested: [] });
  });
});

describe('decodeSource', () => {
  it('tells a binary file and bytes that are not UTF-8 from text by content, not name, and drops a BOM', () => {
    expect(decodeSource(Buffer.from([0x89, 0x50, 0x00, 0x01]))).toEqual({ error: 'is a binary file, not source code' });
    expect(decodeSource(Buffer.from('export const café = "\xe9";\n', 'latin1'))).toEqual({ error: 'is not valid UTF-8' });
    expect(decodeSource(Buffer.from('\uFEFFexport {}\n'))).toEqual({ text: 'export {}\n' });
    expect(decodeSource(Buffer.from('const replacement = "\uFFFD";\n'))).toEqual({ text: 'const replacement = "\uFFFD";\n' });
    expect(decodeSource(undefined)).toEqual({ error: 'cannot be read' });
  });
});
