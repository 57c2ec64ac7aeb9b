import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Finding } from '../model/finding';
import { tempWorkspace } from '../testing/temp-workspace';
import { compareWithBaseline, createBaseline, readBaseline, writeBaseline } from './baseline';

const finding = (fingerprint: string, file = 'libs/a/package.json'): Finding => ({
  checkId: 'structure/package-json-metadata',
  severity: 'warning',
  message: `missing ${fingerprint}`,
  project: 'a',
  file,
  line: 1,
  column: 1,
  fingerprint,
  planItem: 'structure/package-metadata',
});

describe('baseline', () => {
  const ws = tempWorkspace();
  afterAll(() => ws.remove());

  it('splits findings into new and accepted, and counts what was burnt down', () => {
    const baseline = createBaseline([finding('f1'), finding('f2'), finding('f3')]);
    const result = compareWithBaseline([finding('f2'), finding('f4')], baseline);
    expect(result.newFindings.map((f) => f.fingerprint)).toEqual(['f4']);
    expect(result.baselineFindings.map((f) => f.fingerprint)).toEqual(['f2']);
    expect(result.fixed.map((e) => e.fingerprint)).toEqual(['f1', 'f3']);
  });

  it('round-trips through the committed file, sorted and deduplicated', () => {
    const path = join(ws.root, 'b.json');
    writeBaseline(path, createBaseline([finding('f2', 'z'), finding('f1', 'a'), finding('f1', 'a')]));
    expect(readBaseline(path)?.findings.map((e) => e.fingerprint)).toEqual(['f1', 'f2']);
  });

  it('rejects a corrupt baseline with a message naming the file', () => {
    const path = join(ws.root, 'bad.json');
    writeFileSync(path, '{"version": 1, "findings": [');
    expect(() => readBaseline(path, 'libs/a/.shipshape-baseline.json')).toThrow(
      /^libs\/a\/\.shipshape-baseline\.json: the baseline is not valid JSON/,
    );
    writeFileSync(path, '{"version": 7, "findings": []}');
    expect(() => readBaseline(path, 'x.json')).toThrow(/not a Shipshape baseline/);
  });

  it('has no baseline when the file does not exist', () => {
    expect(readBaseline(join(ws.root, 'none.json'))).toBeUndefined();
  });

  it('reads a baseline saved with a byte-order mark and CRLF line endings', () => {
    const path = join(ws.root, 'bom.json');
    writeFileSync(
      path,
      '\uFEFF{\r\n  "version": 1,\r\n  "findings": [{ "fingerprint": "f1", "checkId": "x/a", "file": "a", "message": "m" }]\r\n}\r\n',
    );
    expect(readBaseline(path)?.findings.map((e) => e.fingerprint)).toEqual(['f1']);
  });

  it('names a baseline path that is a folder, when reading it and when writing it', () => {
    mkdirSync(join(ws.root, 'folder.json'));
    expect(() => readBaseline(join(ws.root, 'folder.json'), 'libs/a/folder.json')).toThrow('libs/a/folder.json: is a folder, not a file');
    expect(() => writeBaseline(join(ws.root, 'folder.json'), createBaseline([]))).toThrow(
      /folder\.json: is a folder, not a file: cannot write it$/,
    );
  });
});
