import { TomlDocument } from '@decimalturn/toml-patch';
import type { Position } from './position';

interface Loc {
  start: { line: number; column: number };
}

interface CstKey {
  value: string[];
  loc: Loc;
}

interface CstNode {
  type: string;
  loc: Loc;
  key?: CstKey & { item?: CstKey };
  value?: CstNode;
  items?: CstNode[];
  item?: CstNode;
}

interface Site {
  path: string[];
  loc: Loc;
}

/**
 * Where `path` is written: its key, or the `[table]` header when the path names a table. A table that
 * exists only implicitly (`tool` of `[tool.black]`) is located at the first key or header under it.
 */
export function locateToml(text: string, path: string[]): Position | undefined {
  let blocks: CstNode[];
  try {
    blocks = new TomlDocument(text).cst as unknown as CstNode[];
  } catch {
    return undefined;
  }
  if (path.length === 0) return { line: 1, column: 1 };
  const sites = collectSites(blocks);
  const site =
    sites.find((s) => s.path.length === path.length && startsWith(s.path, path)) ??
    sites.find((s) => s.path.length > path.length && startsWith(s.path, path));
  return site && { line: site.loc.start.line, column: site.loc.start.column + 1 };
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

function collectSites(blocks: CstNode[]): Site[] {
  const sites: Site[] = [];
  const arrayCounts = new Map<string, number>();
  for (const block of blocks) {
    if (block.type === 'KeyValue') collectKeyValue(block, [], sites);
    if (block.type !== 'Table' && block.type !== 'TableArray') continue;
    let prefix = block.key?.item?.value ?? [];
    sites.push({ path: prefix, loc: block.loc });
    if (block.type === 'TableArray') {
      const id = prefix.join('\u0000');
      const index = arrayCounts.get(id) ?? 0;
      arrayCounts.set(id, index + 1);
      prefix = [...prefix, String(index)];
      sites.push({ path: prefix, loc: block.loc });
    }
    for (const row of block.items ?? []) if (row.type === 'KeyValue') collectKeyValue(row, prefix, sites);
  }
  return sites;
}

function collectKeyValue(node: CstNode, prefix: string[], sites: Site[]): void {
  if (!node.key) return;
  const path = [...prefix, ...node.key.value];
  sites.push({ path, loc: node.key.loc });
  if (node.value) collectValue(node.value, path, sites);
}

function collectValue(value: CstNode, path: string[], sites: Site[]): void {
  if (value.type === 'InlineTable') {
    for (const entry of value.items ?? []) if (entry.item) collectKeyValue(entry.item, path, sites);
  } else if (value.type === 'InlineArray') {
    (value.items ?? []).forEach((entry, index) => {
      if (!entry.item) return;
      sites.push({ path: [...path, String(index)], loc: entry.item.loc });
      collectValue(entry.item, [...path, String(index)], sites);
    });
  }
}
