/** Where `after` differs from `before`: the longest common prefix and, after it, the longest common suffix. */
export function changedSpan(before: string, after: string): { start: number; beforeEnd: number; afterEnd: number } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, beforeEnd: before.length - tail, afterEnd: after.length - tail };
}

/** The range of offsets of `before` where the text was inserted, when `after` is `before` plus one inserted run. */
export function insertion(before: string, after: string): { from: number; to: number; text: string } | undefined {
  const { start, beforeEnd, afterEnd } = changedSpan(before, after);
  if (beforeEnd !== start) return undefined;
  const slide = commonRun(before, start);
  return { from: start - slide(after.slice(start, afterEnd)), to: start, text: after.slice(start, afterEnd) };
}

/** The removed run of `before` (its first possible start and its length), when `after` is `before` less one run. */
export function deletion(before: string, after: string): { from: number; to: number; length: number } | undefined {
  const { start, beforeEnd, afterEnd } = changedSpan(before, after);
  if (afterEnd !== start) return undefined;
  const removed = before.slice(start, beforeEnd);
  return { from: start - commonRun(before, start)(removed), to: start, length: removed.length };
}

/** How far a run ending at `end` could slide left and still give the same text. */
function commonRun(text: string, end: number): (run: string) => number {
  return (run) => {
    let slide = 0;
    while (slide < end && run.length > 0 && text[end - 1 - slide] === run[run.length - 1 - (slide % run.length)]) slide++;
    return slide;
  };
}
