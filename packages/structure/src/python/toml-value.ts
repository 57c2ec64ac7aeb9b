/** The value at a path of nested TOML tables (`tool.hatch.build`), undefined where a table is missing. */
export function tomlValue(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
