/**
 * A unified-style line diff of two reports for the terminal: changed lines with `-` / `+` and up to `context`
 * unchanged lines around them. Reports are small; past `limit` lines of output the rest is counted, not shown.
 */
export function lineDiff(before: string, after: string, options: { context?: number; limit?: number } = {}): string[] {
  const context = options.context ?? 2;
  const limit = options.limit ?? 200;
  const a = before.replace(/\r\n/g, '\n').split('\n');
  const b = after.replace(/\r\n/g, '\n').split('\n');
  // common prefix and suffix first: the table below is only for the middle
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const ops: Array<{ op: ' ' | '-' | '+'; line: string }> = [];
  if (midA.length * midB.length > 4_000_000) {
    for (const line of midA) ops.push({ op: '-', line });
    for (const line of midB) ops.push({ op: '+', line });
  } else {
    const lcs: number[][] = Array.from({ length: midA.length + 1 }, () => new Array<number>(midB.length + 1).fill(0));
    for (let i = midA.length - 1; i >= 0; i--)
      for (let j = midB.length - 1; j >= 0; j--)
        lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < midA.length || j < midB.length) {
      if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
        ops.push({ op: ' ', line: midA[i++] });
        j++;
      } else if (j < midB.length && (i === midA.length || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push({ op: '+', line: midB[j++] });
      else ops.push({ op: '-', line: midA[i++] });
    }
  }
  const all = [
    ...a.slice(Math.max(0, start - context), start).map((line) => ({ op: ' ' as const, line })),
    ...ops,
    ...a.slice(endA, endA + context).map((line) => ({ op: ' ' as const, line })),
  ];
  const changed = all.map((o, k) => (o.op !== ' ' ? k : -1)).filter((k) => k >= 0);
  const shown = all.filter((o, k) => o.op !== ' ' || changed.some((c) => Math.abs(c - k) <= context));
  const out = shown.map((o) => `${o.op} ${o.line}`);
  return out.length > limit ? [...out.slice(0, limit), `… ${out.length - limit} more lines`] : out;
}
