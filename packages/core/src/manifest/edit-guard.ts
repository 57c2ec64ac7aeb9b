import { ShipshapeError } from '../util/errors';
import { kindOf, shownValue as shown } from './value-kind';

/**
 * Refuses an edit that would overwrite what the user wrote with a value of another kind (`"description": 42`
 * replaced by a string, `dependencies = "requests"` replaced by a list) or write into something that is not a
 * table or list: one message naming the field, and nothing is written. An edit that means to change the kind
 * says so with `convert`.
 */
export function assertSameKind(
  data: unknown,
  path: ReadonlyArray<string | number>,
  value: unknown,
  file: string | undefined,
  convert = false,
): void {
  let node = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const field = path.slice(0, i + 1).join('.');
    if (node === undefined) return;
    const index = typeof key === 'number' || /^\d+$/.test(key);
    const container = Array.isArray(node) ? index : typeof node === 'object' && node !== null && typeof key === 'string';
    if (!container) {
      const parent = path.slice(0, i).join('.');
      const expected = typeof key === 'number' ? 'a list' : 'a table';
      throw new ShipshapeError(
        `"${parent}" is ${kindOf(node)} (${shown(node)}), not ${expected}: fix it by hand, nothing was written`,
        file,
      );
    }
    node = (node as Record<string | number, unknown>)[key];
    if (i === path.length - 1 && node !== undefined && value !== undefined && !convert && kindOf(node) !== kindOf(value)) {
      throw new ShipshapeError(
        `"${field}" is ${kindOf(node)} (${shown(node)}), not ${kindOf(value)}: fix it by hand, nothing was written`,
        file,
      );
    }
  }
}
