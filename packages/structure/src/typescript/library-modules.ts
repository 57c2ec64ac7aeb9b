import { defineFact, moduleGraph } from '@shipshape/core';
import { entryPoints, mainEntry } from './entry-points';
import { topLevelSideEffects } from './side-effects';

/** The source files the package's entry points reach through imports: the modules a consumer loads. */
export const libraryModules = defineFact({
  id: 'structure/library-modules',
  inputs: [entryPoints, mainEntry, moduleGraph],
  compute: (_project, entries, main, graph): Set<string> => {
    const starts = new Set(entries.flatMap((e) => (e.source ? [e.source] : [])));
    if (main) starts.add(main);
    return graph.reachableFrom(starts);
  },
});

/** The library modules that run code when loaded, with the first such line, in path order. */
export const sideEffectModules = defineFact({
  id: 'structure/side-effect-modules',
  inputs: [libraryModules],
  compute: (project, modules): Array<{ file: string; line: number }> =>
    [...modules].sort().flatMap((file) => {
      const text = project.workspace.source.read(file);
      const effects = text === undefined ? [] : topLevelSideEffects(file, text);
      return effects.length > 0 ? [{ file, line: effects[0].line }] : [];
    }),
});
