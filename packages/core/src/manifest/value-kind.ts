/** What a manifest value is, in the words a message uses: TOML's (a table, a list), or JSON's with `'json'`. */
export type ValueKind = 'a string' | 'a number' | 'a boolean' | 'null' | 'a list' | 'a table';

export function kindOf(value: unknown): ValueKind;
export function kindOf(value: unknown, format: 'json' | 'toml'): string;
export function kindOf(value: unknown, format: 'json' | 'toml' = 'toml'): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return format === 'json' ? 'an array' : 'a list';
  if (typeof value === 'object' && !(value instanceof Date)) return format === 'json' ? 'an object' : 'a table';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'a string';
}

/** A value as it is written, cut short for a message. */
export function shownValue(value: unknown): string {
  const text = (value instanceof Date ? value.toISOString() : JSON.stringify(value)) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
