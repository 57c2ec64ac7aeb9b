import { readFileSync, writeFileSync } from 'node:fs';
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
});
