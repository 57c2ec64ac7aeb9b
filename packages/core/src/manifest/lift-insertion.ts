import { isBlank } from './line-edges';
import { splitLines } from './line-diff';

export interface Lift {
  /** Whether the line right after the inserted lines claims the lines above it (a table header). */
  claims: (line: string) => boolean;
  /** The lines the insertion may move over (blank lines and comments). */
  passes: (line: string) => boolean;
}

/**
 * When the edit only inserted lines right above a line that `claims` the lines before it, moves them up
 * over the lines `passes` accepts, as long as the data stays the same: a library appending a key to a
 * table puts it after the comment that introduces the next table, which then no longer sits above its header.
 */
export function liftInsertion(original: string, edited: string, lift: Lift, sameData: (candidate: string) => boolean): string {
  const before = splitLines(original);
  const after = splitLines(edited);
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  const inserted = after.slice(at, after.length - (before.length - at));
  const rest = after.slice(at + inserted.length);
  const pureInsertion = inserted.length > 0 && rest.length === before.length - at && rest.every((line, i) => line === before[at + i]);
  if (!pureInsertion || !inserted.every((line) => line.endsWith('\n')) || at >= before.length || !lift.claims(before[at])) return edited;
  let best = edited;
  let lines = inserted;
  for (let k = at - 1; k >= 0 && lift.passes(before[k]); k--) {
    const trimmed = lines.slice(lines.findIndex((line) => !isBlank(line)));
    const block = [trimmed, lines].find((candidate) => sameData([...before.slice(0, k), ...candidate, ...before.slice(k)].join('')));
    if (!block) break;
    lines = block;
    best = [...before.slice(0, k), ...block, ...before.slice(k)].join('');
  }
  return best;
}
