import { diffLines, splitLines, type LineChange } from './line-diff';

interface Slot extends LineChange {
  use: 'original' | 'before' | 'after' | 'none';
}

type Piece = string | Slot[];

/**
 * Serializers re-render more than the value they were asked to change (spacing around `=`, blank-line
 * runs, header spacing). This puts back, one at a time, every changed stretch, whitespace-only line
 * change, dropped or added blank line and changed line edge whose original form gives the same data, so
 * that an edit changes only the lines it has to. `sameData` decides, with the format's own parser.
 */
export function keepOriginalLines(original: string, edited: string, sameData: (candidate: string) => boolean): string {
  if (original === edited) return edited;
  const pieces = hunks(diffLines(splitLines(original), splitLines(edited)));
  const lines = () => pieces.flatMap((piece) => (typeof piece === 'string' ? [piece] : piece.map(renderSlot))).filter((line) => line !== '');
  const acceptable = () => {
    const rendered = lines();
    return rendered.every((line, i) => i === rendered.length - 1 || line.endsWith('\n')) && sameData(rendered.join(''));
  };
  const attempt = (change: () => void, undo: () => void) => {
    change();
    if (!acceptable()) undo();
  };
  for (const piece of pieces) {
    if (typeof piece === 'string') continue;
    const uses = piece.map((slot) => slot.use);
    for (const slot of piece) slot.use = slot.before === undefined ? 'none' : 'original';
    if (acceptable()) continue;
    piece.forEach((slot, i) => (slot.use = uses[i]));
    piece.forEach((slot, k) => {
      if (slot.before !== undefined && slot.after !== undefined) {
        attempt(() => (slot.use = 'before'), () => (slot.use = 'after'));
        const [before, edited] = [slot.before, slot.after];
        if (slot.use === 'after') attempt(() => (slot.after = keepEdges(before, edited)), () => (slot.after = edited));
      } else if (!anchored(piece[k - 1]) || !anchored(piece[k + 1])) return;
      else if (slot.after !== undefined && isBlank(slot.after)) attempt(() => (slot.use = 'none'), () => (slot.use = 'after'));
      else if (slot.before !== undefined && isBlank(slot.before)) attempt(() => (slot.use = 'before'), () => (slot.use = 'none'));
    });
    for (const [removed, added] of replacedLines(piece)) {
      const edited = added.after ?? '';
      attempt(() => (added.after = keepEdges(removed.before ?? '', edited)), () => (added.after = edited));
    }
  }
  return lines().join('');
}

function hunks(items: ReturnType<typeof diffLines>): Piece[] {
  const pieces: Piece[] = [];
  for (const item of items) {
    if ('common' in item) {
      pieces.push(item.common);
      continue;
    }
    const last = pieces[pieces.length - 1];
    const slot: Slot = { ...item, use: item.after === undefined ? 'none' : 'after' };
    if (typeof last === 'object') last.push(slot);
    else pieces.push([slot]);
  }
  return pieces;
}

/**
 * In each run of changed lines, each added line paired with the removed line that starts with most of
 * the same words (a key and `=`), or else with the removed line at the same position.
 */
function replacedLines(piece: Slot[]): [Slot, Slot][] {
  const pairs: [Slot, Slot][] = [];
  let removed: Slot[] = [];
  let added: Slot[] = [];
  const flush = () => {
    const free = new Set(removed);
    added.forEach((slot, k) => {
      const scored = [...free].map((candidate) => ({ candidate, score: sharedLeadingWords(candidate.before ?? '', slot.after ?? '') }));
      const best = scored.reduce<(typeof scored)[number] | undefined>((top, next) => (next.score > (top?.score ?? 0) ? next : top), undefined);
      const match = best?.candidate ?? (free.has(removed[k]) ? removed[k] : undefined);
      if (!match) return;
      free.delete(match);
      pairs.push([match, slot]);
    });
    removed = [];
    added = [];
  };
  for (const slot of piece) {
    if (slot.before !== undefined && slot.after !== undefined) flush();
    else if (slot.before !== undefined && slot.use === 'none' && !isBlank(slot.before)) removed.push(slot);
    else if (slot.after !== undefined && slot.use === 'after' && !isBlank(slot.after)) added.push(slot);
  }
  flush();
  return pairs;
}

function sharedLeadingWords(a: string, b: string): number {
  const wa = a.trim().split(/\s+/);
  const wb = b.trim().split(/\s+/);
  let n = 0;
  while (n < wa.length && n < wb.length && wa[n] === wb[n] && wa[n] !== '') n++;
  return n;
}

/** A blank line is added or dropped only between lines both texts have: elsewhere its place is a guess. */
function anchored(neighbour: Slot | undefined): boolean {
  if (neighbour === undefined) return true;
  if (neighbour.before !== undefined && neighbour.after !== undefined) return true;
  return isBlank(neighbour.before ?? neighbour.after ?? '');
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

const terminator = (line: string) => /\r?\n$/.exec(line)?.[0] ?? '';
const content = (line: string) => line.slice(0, line.length - terminator(line).length);

function renderSlot(slot: Slot): string {
  if (slot.use === 'none') return '';
  if (slot.use === 'after' || slot.before === undefined) return slot.after ?? '';
  return slot.use === 'original' || slot.after === undefined ? slot.before : content(slot.before) + terminator(slot.after);
}

/**
 * `after` with its indentation and the words it shares with `before` at both ends, and the whitespace
 * around them, written as in `before`: `key =<tab>"old"  # note` edited to `key = "new" # note` becomes
 * `key =<tab>"new"  # note`. When `after` is `before` less some trailing words (a dropped comment),
 * `before` itself.
 */
function keepEdges(beforeLine: string, afterLine: string): string {
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
