/**
 * How many source files one program of a batch holds at most: a group of projects beyond it is analysed in several
 * programs, one after the other, so that a batch of a thousand projects never holds all their types at once (each
 * program parses the shared dependencies again: a little time for a bounded memory).
 */
export const PART_FILE_LIMIT = 3000;

/**
 * Members cut, in their order, into parts of at most `fileLimit` files (`filesOf` counts a member's); a member with
 * more is a part of its own.
 */
export function partsOf<T>(members: readonly T[], filesOf: (member: T) => number, fileLimit = PART_FILE_LIMIT): T[][] {
  const parts: T[][] = [];
  let files = Infinity;
  for (const member of members) {
    const count = filesOf(member);
    if (files + count > fileLimit) {
      parts.push([]);
      files = 0;
    }
    parts[parts.length - 1].push(member);
    files += count;
  }
  return parts;
}
