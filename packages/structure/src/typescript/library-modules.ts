import { buildOutputs, defineFact, moduleGraph } from '@shipshape/core';
import { entryPoints, entrySources, mainEntry } from './entry-points';
import { topLevelSideEffects } from './side-effects';

/** The source files the package's entry points reach through imports: the modules a consumer loads (build outputs left out). */
export const libraryModules = defineFact({
  id: 'structure/library-modules',
  inputs: [entryPoints, mainEntry, moduleGraph, buildOutputs],
  compute: (_project, entries, main, graph, outputs): Set<string> => {
    const starts = new Set(entrySources(entries.filter((e) => e.field[0] !== 'bin')));
    if (main) starts.add(main);
    return new Set([...graph.reachableFrom(starts)].filter((file) => !outputs.isOutput(file)));
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
