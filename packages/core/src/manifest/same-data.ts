/**
 * Deep equality of parsed manifest data. Unlike `util.isDeepStrictEqual` it ignores object prototypes:
 * toml-patch builds its tables without one, the values callers pass in have `Object.prototype`. `loose`
 * compares what a caller means: a date by its instant, an integer whether number or bigint.
 */
export function sameData(a: unknown, b: unknown, options: { loose?: boolean } = {}): boolean {
  if (Object.is(a, b)) return true;
  if (options.loose && (typeof a === 'bigint' || typeof b === 'bigint'))
    return (typeof a === 'bigint' || typeof a === 'number') && String(a) === String(b);
  if (a instanceof Date || b instanceof Date) {
    if (!(a instanceof Date && b instanceof Date) || a.getTime() !== b.getTime()) return false;
    return options.loose || (a.constructor === b.constructor && String(a) === String(b));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b) || a instanceof Error || b instanceof Error) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], options),
  );
}
