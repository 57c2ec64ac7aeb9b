import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '@shipshape/core/testing';
import { appendHistory, readHistory, type HistoryEntry } from './history';

const entry = (at: string, findings: number): HistoryEntry => ({ at, week: 1, projects: { a: { findings, done: 0, items: {} } } });

describe('history file', () => {
  const ws = tempWorkspace();
  afterAll(() => ws.remove());

  it('appends one line per run and reads them back in order', () => {
    const path = join(ws.root, 'h1.jsonl');
    appendHistory(path, entry('2026-12-07T10:00:00.000Z', 9));
    appendHistory(path, entry('2026-12-08T10:00:00.000Z', 7));
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
    expect(readHistory(path).entries.map((e) => e.projects.a.findings)).toEqual([9, 7]);
  });

  it('skips a corrupt line with a warning naming file and line, and keeps the line in the file', () => {
    const path = join(ws.root, 'h2.jsonl');
    const good = JSON.stringify(entry('2026-12-07T10:00:00.000Z', 9));
    writeFileSync(path, `${good}\n{"at": "2026-12-0\n${good}`);
    const { entries, warnings } = readHistory(path, 'shipshape-history.jsonl');
    expect(entries).toHaveLength(2);
    expect(warnings).toEqual(['shipshape-history.jsonl:2 is not a valid history entry; skipped (the line is kept in the file)']);
    appendHistory(path, entry('2026-12-09T10:00:00.000Z', 5));
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines[1]).toBe('{"at": "2026-12-0');
    expect(lines[2]).toBe(good);
    expect(JSON.parse(lines[3]).projects.a.findings).toBe(5);
  });

  it('treats a missing file as an empty history', () => {
    expect(readHistory(join(ws.root, 'none.jsonl'))).toEqual({ entries: [], warnings: [] });
  });

  it('names a history path that is a folder, when reading and when appending, and writes nothing', () => {
    mkdirSync(join(ws.root, 'h3.jsonl'));
    expect(() => readHistory(join(ws.root, 'h3.jsonl'), 'shipshape-history.jsonl')).toThrow(
      'shipshape-history.jsonl: is a folder, not a file',
    );
    expect(() => appendHistory(join(ws.root, 'h3.jsonl'), entry('2026-12-09T10:00:00.000Z', 5), 'shipshape-history.jsonl')).toThrow(
      'shipshape-history.jsonl: is a folder, not a file',
    );
  });

  it('reads a history saved with CRLF line endings and a byte-order mark', () => {
    const path = join(ws.root, 'h4.jsonl');
    writeFileSync(
      path,
      `\uFEFF${JSON.stringify(entry('2026-12-07T10:00:00.000Z', 9))}\r\n${JSON.stringify(entry('2026-12-08T10:00:00.000Z', 7))}\r\n`,
    );
    expect(readHistory(path)).toMatchObject({
      warnings: [],
      entries: [{ projects: { a: { findings: 9 } } }, { projects: { a: { findings: 7 } } }],
    });
  });
});
