/** A line of both texts, a line only one of them has, or a pair of lines that differ only in whitespace. */
export interface LineChange {
  before?: string;
  after?: string;
}

export type DiffItem = { common: string } | LineChange;

/** The lines of `text`, each with its line ending. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export function squeeze(line: string): string {
  return line.replace(/\s+/g, '');
}

/**
 * A longest common subsequence of the lines compared without their whitespace, as a list of items in
 * order. Ties go to the latest match: a blank line left after an inserted block is the original one.
 */
export function diffLines(before: string[], after: string[]): DiffItem[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const sa = a.map(squeeze);
  const sb = b.map(squeeze);
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      lcs[i * width + j] = sa[i - 1] === sb[j - 1] ? lcs[(i - 1) * width + j - 1] + 1 : Math.max(lcs[(i - 1) * width + j], lcs[i * width + j - 1]);
    }
  }
  const middle: DiffItem[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && sa[i - 1] === sb[j - 1]) {
      i--;
      j--;
      middle.push(a[i] === b[j] ? { common: a[i] } : { before: a[i], after: b[j] });
    } else if (j > 0 && (i === 0 || lcs[i * width + j - 1] >= lcs[(i - 1) * width + j])) {
      middle.push({ after: b[--j] });
    } else {
      middle.push({ before: a[--i] });
    }
  }
  const items: DiffItem[] = [...before.slice(0, head).map((line) => ({ common: line })), ...middle.reverse()];
  return [...items, ...before.slice(before.length - tail).map((line) => ({ common: line }))];
}
