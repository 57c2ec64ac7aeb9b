import { readUserFile, writeFileAtomic } from '@shipshape/core/engine';
import type { StatusReport } from './model';

/** One line of the history: enough to draw the burn-down and see each item's state over time. */
export interface HistoryEntry {
  at: string;
  week: number;
  projects: Record<string, { findings: number; done: number; items: Record<string, { state: string; findings: number }> }>;
}

export function historyEntry(status: StatusReport): HistoryEntry {
  return {
    at: status.generatedAt,
    week: status.week,
    projects: Object.fromEntries(
      status.projects.map((project) => [
        project.name,
        {
          findings: project.findings,
          done: project.items.filter((item) => item.state === 'done').length,
          items: Object.fromEntries(project.items.map((item) => [item.id, { state: item.state, findings: item.findings }])),
        },
      ]),
    ),
  };
}

/**
 * Reads the history; a line that is not a valid entry is skipped with a warning naming the file and line,
 * and stays in the file (nothing the user has is thrown away).
 */
export function readHistory(path: string, shownPath = path): { entries: HistoryEntry[]; warnings: string[] } {
  const text = readUserFile(path, shownPath);
  if (text === undefined) return { entries: [], warnings: [] };
  const entries: HistoryEntry[] = [];
  const warnings: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const entry = JSON.parse(line) as HistoryEntry;
      if (typeof entry?.at !== 'string' || typeof entry.projects !== 'object' || entry.projects === null)
        throw new Error('not a history entry');
      entries.push(entry);
    } catch {
      warnings.push(`${shownPath}:${index + 1} is not a valid history entry; skipped (the line is kept in the file)`);
    }
  });
  return { entries, warnings };
}

/**
 * Appends one line, whole or not at all (the file is rewritten atomically: a full disk or an interrupt leaves it
 * as it was); a file whose last line lacks its newline gets one first, so entries never run together.
 */
export function appendHistory(path: string, entry: HistoryEntry, shownPath = path): void {
  const current = readUserFile(path, shownPath) ?? '';
  const needsNewline = current !== '' && !current.endsWith('\n');
  writeFileAtomic(path, `${current}${needsNewline ? '\n' : ''}${JSON.stringify(entry)}\n`, shownPath);
}
