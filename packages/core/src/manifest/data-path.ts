type Table = Record<string, unknown>;

export function isTable(value: unknown): value is Table {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** The value at `path`; a segment indexes an array when the node there is one. */
export function valueAt(data: unknown, path: string[]): unknown {
  let node = data;
  for (const key of path) {
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isTable(node) && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

/** A copy of `node` with `path` set (or removed); only the objects along the path are copied, so the rest keeps its identity and classes. */
export function withValueAt(node: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (Array.isArray(node)) {
    const copy: unknown[] = [...(node as unknown[])];
    const index = Number(key);
    if (rest.length === 0 && value === undefined) copy.splice(index, 1);
    else copy[index] = withValueAt(copy[index], rest, value);
    return copy;
  }
  const copy: Table = isTable(node) ? { ...node } : {};
  if (rest.length === 0 && value === undefined) delete copy[key];
  else copy[key] = withValueAt(copy[key], rest, value);
  return copy;
}
