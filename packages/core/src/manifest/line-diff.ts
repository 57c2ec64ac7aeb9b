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
 * order. Where several exist, `late` picks the one that matches lines as late as it can, else as early.
 */
export function diffLines(before: string[], after: string[], late: boolean): DiffItem[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail])
    tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const middle = late ? alignLate(a, b) : alignLate([...a].reverse(), [...b].reverse()).reverse();
  const items: DiffItem[] = [...before.slice(0, head).map((line) => ({ common: line })), ...middle];
  return [...items, ...before.slice(before.length - tail).map((line) => ({ common: line }))];
}

function alignLate(a: string[], b: string[]): DiffItem[] {
  const sa = a.map(squeeze);
  const sb = b.map(squeeze);
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      lcs[i * width + j] =
        sa[i - 1] === sb[j - 1] ? lcs[(i - 1) * width + j - 1] + 1 : Math.max(lcs[(i - 1) * width + j], lcs[i * width + j - 1]);
    }
  }
  const items: DiffItem[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && sa[i - 1] === sb[j - 1]) {
      i--;
      j--;
      items.push(a[i] === b[j] ? { common: a[i] } : { before: a[i], after: b[j] });
    } else if (j > 0 && (i === 0 || lcs[i * width + j - 1] >= lcs[(i - 1) * width + j])) {
      items.push({ after: b[--j] });
    } else {
      items.push({ before: a[--i] });
    }
  }
  return items.reverse();
}
