/** A plain object (a JSON object, a TOML table), as opposed to an array, a value or nothing. */
export function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path of keys in parsed data (JSON, TOML), undefined where a step is missing or not a table. */
export function dataAt(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const key of path) {
    if (!isTable(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** The strings of a list at a path (other entries left out); [] when it is not a list. */
export function stringsIn(data: unknown, path: readonly string[] = []): string[] {
  const list = dataAt(data, path);
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}
