import { diffLines, splitLines, type LineChange } from './line-diff';
import { content, isBlank, keepEdges, keepIndent, sharedLeadingWords, terminator } from './line-edges';

interface Slot extends LineChange {
  use: 'original' | 'before' | 'after' | 'none';
}

type Piece = string | Slot[];

/**
 * Serializers re-render more than the value they were asked to change (spacing around `=`, blank-line
 * runs, header spacing, sequence indentation). This puts back every changed stretch, line that differs
 * only in whitespace, edge of a replaced line and dropped or added blank line whose original form gives
 * the same data, so that an edit changes only the lines it has to. `sameData` decides, with the format's
 * own parser. Which original line a re-rendered line stands for can be ambiguous (repeated or blank
 * lines): both readings are tried and the one closer to the original kept.
 */
export function keepOriginalLines(original: string, edited: string, sameData: (candidate: string) => boolean): string {
  if (original === edited) return edited;
  const [before, after] = [splitLines(original), splitLines(edited)];
  const candidates = [true, false].map((late) => {
    const repair = new Repair(hunks(diffLines(before, after, late)), sameData);
    repair.run();
    return repair.text();
  });
  return candidates.reduce((best, next) => (changedLength(original, next) < changedLength(original, best) ? next : best));
}

/** How many characters of both texts lie between their common prefix and common suffix. */
function changedLength(a: string, b: string): number {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return a.length + b.length - 2 * (head + tail);
}

class Repair {
  constructor(
    private readonly pieces: Piece[],
    private readonly sameData: (candidate: string) => boolean,
  ) {}

  text(): string {
    return this.lines().join('');
  }

  run(): void {
    for (const piece of this.pieces) {
      if (typeof piece === 'string' || this.revert(piece)) continue;
      const replaced = replacedLines(piece);
      for (const pair of replaced) placeTogether(piece, pair);
      this.restoreTogether(piece, replaced);
      this.restoreOneByOne(piece, replaced);
    }
  }

  private lines(): string[] {
    return this.pieces.flatMap((piece) => (typeof piece === 'string' ? [piece] : piece.map(renderSlot))).filter((line) => line !== '');
  }

  private acceptable(): boolean {
    const lines = this.lines();
    return lines.every((line, i) => i === lines.length - 1 || line.endsWith('\n')) && this.sameData(lines.join(''));
  }

  private attempt(change: () => void, undo: () => void): boolean {
    change();
    if (this.acceptable()) return true;
    undo();
    return false;
  }

  private revert(piece: Slot[]): boolean {
    const uses = piece.map((slot) => slot.use);
    return this.attempt(
      () => piece.forEach((slot) => (slot.use = slot.before === undefined ? 'none' : 'original')),
      () => piece.forEach((slot, i) => (slot.use = uses[i])),
    );
  }

  /** Formatting changes can depend on each other (the indentation of a whole YAML sequence). */
  private restoreTogether(piece: Slot[], replaced: [Slot, Slot][]): void {
    const pairs = piece.filter(isPair);
    const edited = replaced.map(([, added]) => added.after ?? '');
    for (const edge of [keepEdges, keepIndent]) {
      const done = this.attempt(
        () => {
          pairs.forEach((slot) => (slot.use = 'before'));
          replaced.forEach(([removed, added], k) => (added.after = edge(removed.before ?? '', edited[k])));
        },
        () => {
          pairs.forEach((slot) => (slot.use = 'after'));
          replaced.forEach(([, added], k) => (added.after = edited[k]));
        },
      );
      if (done) return;
    }
  }

  private restoreOneByOne(piece: Slot[], replaced: [Slot, Slot][]): void {
    const partners = new Set(replaced.flat());
    // A blank line is put back or dropped only next to lines that correspond: elsewhere its place is a guess.
    const anchored = (slot: Slot | undefined) =>
      slot === undefined || isPair(slot) || partners.has(slot) || isBlank(slot.before ?? slot.after ?? '');
    piece.forEach((slot, k) => {
      if (isPair(slot)) {
        if (slot.use === 'after')
          this.attempt(
            () => (slot.use = 'before'),
            () => (slot.use = 'after'),
          );
        if (slot.use === 'after') this.restoreEdges(slot, slot.before ?? '');
      } else if (anchored(piece[k - 1]) && anchored(piece[k + 1]) && isBlank(slot.before ?? slot.after ?? '')) {
        const use = slot.use;
        this.attempt(
          () => (slot.use = slot.before === undefined ? 'none' : 'before'),
          () => (slot.use = use),
        );
      }
    });
    for (const [removed, added] of replaced) this.restoreEdges(added, removed.before ?? '');
  }

  private restoreEdges(slot: Slot, before: string): void {
    const after = slot.after ?? '';
    for (const kept of [keepEdges(before, after), keepIndent(before, after)]) {
      if (
        kept !== after &&
        this.attempt(
          () => (slot.after = kept),
          () => (slot.after = after),
        )
      )
        return;
    }
  }
}

/**
 * Puts a removed line and the line that replaces it side by side, so that blank lines around them are
 * restored on the right side. Lines of the edited text keep their order: only removed lines, which are
 * not rendered, move past them.
 */
function placeTogether(piece: Slot[], [removed, added]: [Slot, Slot]): void {
  const [from, to] = [piece.indexOf(removed), piece.indexOf(added)];
  const between = piece.slice(Math.min(from, to) + 1, Math.max(from, to));
  if (from < to && between.every((slot) => slot.after === undefined)) piece.splice(from + 1, 0, ...piece.splice(to, 1));
  else piece.splice(piece.indexOf(added), 0, ...piece.splice(from, 1));
}

function isPair(slot: Slot): boolean {
  return slot.before !== undefined && slot.after !== undefined;
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
 * Each added line of a changed stretch paired with the removed line that starts with most of the same
 * words (a key and `=`), or else with the removed line at the same rank (blank lines aside).
 */
function replacedLines(piece: Slot[]): [Slot, Slot][] {
  const removed = piece.filter((slot) => slot.after === undefined && !isBlank(slot.before ?? ''));
  const added = piece.filter((slot) => slot.before === undefined && !isBlank(slot.after ?? ''));
  const free = new Set(removed);
  const pairs: [Slot, Slot][] = [];
  added.forEach((slot, k) => {
    let match = free.has(removed[k]) ? removed[k] : undefined;
    let best = 0;
    for (const candidate of free) {
      const score = sharedLeadingWords(candidate.before ?? '', slot.after ?? '');
      if (score > best) [match, best] = [candidate, score];
    }
    if (!match) return;
    free.delete(match);
    pairs.push([match, slot]);
  });
  return pairs;
}

function renderSlot(slot: Slot): string {
  if (slot.use === 'none') return '';
  if (slot.use === 'after' || slot.before === undefined) return slot.after ?? '';
  return slot.use === 'original' || slot.after === undefined ? slot.before : content(slot.before) + terminator(slot.after);
}
