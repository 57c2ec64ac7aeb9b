export function isBlank(line: string): boolean {
  return line.trim() === '';
}

export const terminator = (line: string) => /\r?\n$/.exec(line)?.[0] ?? '';
export const content = (line: string) => line.slice(0, line.length - terminator(line).length);

export function sharedLeadingWords(a: string, b: string): number {
  const wa = a.trim().split(/\s+/);
  const wb = b.trim().split(/\s+/);
  let n = 0;
  while (n < wa.length && n < wb.length && wa[n] === wb[n] && wa[n] !== '') n++;
  return n;
}

export function keepIndent(before: string, after: string): string {
  return (/^[ \t]*/.exec(before)?.[0] ?? '') + after.trimStart();
}

/**
 * `after` with its indentation and the words it shares with `before` at both ends, and the whitespace
 * around them, written as in `before`: `key =<tab>"old"  # note` edited to `key = "new" # note` becomes
 * `key =<tab>"new"  # note`. When `after` is `before` less some trailing words (a dropped comment),
 * `before` itself.
 */
export function keepEdges(beforeLine: string, afterLine: string): string {
  const before = content(beforeLine);
  const after = content(afterLine);
  const wordsOf = (line: string) => [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const wb = wordsOf(before);
  const wa = wordsOf(after);
  let head = 0;
  while (head < wb.length && head < wa.length && wb[head].text === wa[head].text) head++;
  let tail = 0;
  while (tail < wb.length - head && tail < wa.length - head && wb[wb.length - 1 - tail].text === wa[wa.length - 1 - tail].text) tail++;
  if (tail > 0 && (tail === wb.length - head || tail === wa.length - head)) tail = 0;
  const middleB = wb.slice(head, wb.length - tail);
  const middleA = wa.slice(head, wa.length - tail);
  if (middleA.length === 0) return before + terminator(afterLine);
  if (middleB.length === 0) return afterLine;
  const headB = middleB[0].start;
  const headA = middleA[0].start;
  const tailB = tail === 0 ? before.length : middleB[middleB.length - 1].end;
  const tailA = tail === 0 ? after.length : middleA[middleA.length - 1].end;
  return before.slice(0, headB) + after.slice(headA, tailA) + (tail === 0 ? '' : before.slice(tailB)) + terminator(afterLine);
}
