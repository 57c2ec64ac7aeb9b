import { existsSync } from 'node:fs';
import { tempWorkspace } from '../../testing/temp-workspace';
import { analyzePython } from './python-adapter';
import type { PythonAnalysis, PythonFileResult } from './types';

const LATIN1_BODY = '"""Caf\u00e9 module."""\n\nNAME = "caf\u00e9"\n';

describe('analyzePython on bad input, file by file', () => {
  const ws = tempWorkspace({
    'good.py': '"""Fine."""\nimport os\n',
    'cookie.py': Buffer.from(`# -*- coding: latin-1 -*-\n${LATIN1_BODY}`, 'latin1'),
    'no_cookie.py': Buffer.from(`import os\n${LATIN1_BODY}`, 'latin1'),
    'unknown_cookie.py': '# coding: klingon\nX = 1\n',
    'bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('"""With a BOM."""\n')]),
    'image.py': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    'indent.py': 'def f():\nreturn 1\n',
    'deep.py': `TOTAL = ${Array.from({ length: 150_000 }, () => '1').join(' + ')}\n`,
  });
  ws.write({ 'huge.py': Buffer.alloc(6_000_000, '# padding line\n') });
  afterAll(() => ws.remove());
  const path = (name: string) => `${ws.root}/${name}`;

  let analysis: PythonAnalysis;
  beforeAll(async () => {
    const names = [
      'good.py',
      'cookie.py',
      'no_cookie.py',
      'unknown_cookie.py',
      'bom.py',
      'image.py',
      'indent.py',
      'deep.py',
      'huge.py',
      'missing.py',
    ];
    analysis = await analyzePython(names.map(path));
  });
  const result = (name: string) => analysis.files[path(name)];

  it('the good file of the batch is analyzed whatever the others hold', () => {
    expect(result('good.py')).toMatchObject({ error: null, docstring: 'Fine.', imports: [expect.objectContaining({ module: 'os' })] });
  });

  it('honours a PEP 263 coding cookie', () => {
    expect(result('cookie.py').error).toBeNull();
    expect(result('cookie.py').docstring).toBe('Caf\u00e9 module.');
    expect(result('cookie.py').definitions.map((d) => d.name)).toEqual(['NAME']);
  });

  it('without a cookie, non-UTF-8 bytes are a per-file error with the line', () => {
    expect(result('no_cookie.py').error).toEqual({ kind: 'encoding', message: 'is not valid UTF-8 (byte 0xe9)', line: 2 });
  });

  it('an unknown encoding in the cookie is an encoding error', () => {
    expect(result('unknown_cookie.py').error).toMatchObject({ kind: 'encoding', message: expect.stringContaining('klingon') });
  });

  it('a UTF-8 byte order mark is accepted', () => {
    expect(result('bom.py')).toMatchObject({ error: null, docstring: 'With a BOM.' });
  });

  it('a binary file is reported as such, not parsed', () => {
    expect(result('image.py').error).toMatchObject({ kind: 'binary', line: null });
  });

  it('an indentation error is a syntax error with its line', () => {
    expect(result('indent.py').error).toMatchObject({ kind: 'syntax', line: 2 });
  });

  it('a pathologically deep expression is a result, not a crash of the batch', () => {
    const deep = result('deep.py');
    if (deep.error) expect(deep.error.kind).toBe('syntax');
    else expect(deep.definitions.map((d) => d.name)).toEqual(['TOTAL']);
  });

  it('a file over the size limit is skipped with a per-file error', () => {
    expect(result('huge.py').error).toEqual({
      kind: 'too-large',
      message: 'is 6,000,000 bytes, over the limit of 5,000,000 bytes (maxFileBytes); not analyzed',
      line: null,
    });
  });

  it('a missing file is unreadable', () => {
    expect(result('missing.py').error).toMatchObject({ kind: 'unreadable', message: expect.stringContaining('No such file') });
  });

  it('honours maxBytes, and relative paths resolve against cwd', async () => {
    const small = await analyzePython(['good.py'], { maxBytes: 10, cwd: ws.root });
    expect(small.files['good.py'].error).toMatchObject({ kind: 'too-large' });
    const relative = await analyzePython(['good.py'], { cwd: ws.root });
    expect(relative.files['good.py'].docstring).toBe('Fine.');
  });

  const systemPython = '/usr/bin/python3';
  (existsSync(systemPython) ? it : it.skip)(`runs the same with ${systemPython}`, async () => {
    const names = ['good.py', 'cookie.py', 'no_cookie.py', 'image.py', 'indent.py'];
    const other = await analyzePython(names.map(path), { python: systemPython });
    expect(other.python?.executable).toBe(systemPython);
    // Error messages may be worded differently by another Python version; kind and line may not.
    const comparable = (r: PythonFileResult) => ({ ...r, error: r.error && { kind: r.error.kind, line: r.error.line } });
    for (const name of names) expect(comparable(other.files[path(name)])).toEqual(comparable(result(name)));
  });
});
