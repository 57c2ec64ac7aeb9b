import type { FileView } from '@shipshape/core';
import { entryPoints, mainSourceEntry } from './entry-points';
import { ModuleGraph } from './import-graph';
import { topLevelSideEffects } from './side-effects';

/** The source files the package's entry points reach: the modules a consumer loads. */
export function libraryModules(view: FileView, manifest: Record<string, unknown> | undefined, graph = new ModuleGraph(view)): Set<string> {
  const entries = new Set((manifest ? entryPoints(view, manifest) : []).flatMap((e) => (e.source ? [e.source] : [])));
  const main = mainSourceEntry(view, manifest);
  if (main) entries.add(main);
  return graph.reachableFrom(entries);
}

/** The library modules that run code when loaded, with the first such line. */
export function libraryModulesWithSideEffects(view: FileView, manifest: Record<string, unknown> | undefined): Array<{ file: string; line: number }> {
  const found: Array<{ file: string; line: number }> = [];
  for (const file of [...libraryModules(view, manifest)].sort()) {
    const text = view.read(file);
    const effects = text === undefined ? [] : topLevelSideEffects(file, text);
    if (effects.length > 0) found.push({ file, line: effects[0].line });
  }
  return found;
}
