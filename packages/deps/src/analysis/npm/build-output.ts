import { buildOutputs, moduleGraph, type ShipshapeProject } from '@shipshape/core';

/**
 * The modules every entry point of the package loads when it is imported: the intersection, over each public
 * entry (an exports subpath, else main/module), of what its source reaches through imports that run (type-only
 * ones left out). Undefined when an entry's source is not known or an entry is a pattern: then nobody can say.
 */
export function loadedByEveryEntry(project: ShipshapeProject): ReadonlySet<string> | undefined {
  const { entries } = project.get(buildOutputs);
  const code = entries.filter((e) => e.kind === 'code' && e.field[0] !== 'bin');
  const exported = code.filter((e) => e.field[0] === 'exports');
  const publicEntries = exported.length > 0 ? exported : code;
  if (publicEntries.length === 0 || publicEntries.some((e) => e.pattern || !e.source)) return undefined;
  const graph = project.get(moduleGraph);
  const bySubpath = new Map<string, string[]>();
  for (const entry of publicEntries) {
    const key = entry.subpath ?? entry.field.join('.');
    bySubpath.set(key, [...(bySubpath.get(key) ?? []), entry.source!]);
  }
  let common: Set<string> | undefined;
  for (const sources of bySubpath.values()) {
    const loaded = new Set<string>();
    const queue = [...new Set(sources)];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (loaded.has(file)) continue;
      loaded.add(file);
      for (const { target, typeOnly } of graph.localImports(file)) if (!typeOnly && !loaded.has(target)) queue.push(target);
    }
    common = common ? new Set([...common].filter((f) => loaded.has(f))) : loaded;
  }
  return common;
}
