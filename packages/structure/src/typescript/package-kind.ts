import { builtinModules } from 'node:module';
import { typescriptSources, type ShipshapeProject } from '@shipshape/core';
import { entryPoints } from './entry-points';
import { libraryModules } from './library-modules';

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/**
 * Why the package runs on Node.js, if it does: a command-line "bin", or the first import of a Node.js
 * built-in (`node:fs`, `http`) by its library code. A browser or isomorphic library has none.
 */
export function nodeRuntimeEvidence(project: ShipshapeProject): string | undefined {
  if (project.get(entryPoints).some((e) => e.field[0] === 'bin')) return 'it has a command-line "bin"';
  const sources = project.get(typescriptSources);
  for (const file of [...project.get(libraryModules)].sort()) {
    const found = sources
      .module(file)
      .info?.imports.find((i) => !i.typeOnly && (i.specifier.startsWith('node:') || NODE_BUILTINS.has(i.specifier.split('/')[0])));
    if (found) return `${file}:${found.line} imports "${found.specifier}"`;
  }
  return undefined;
}

/** Does the package give bundlers code to tree-shake: an entry that is not a bin, nor CommonJS only (`.cjs`, a "require" condition)? */
export function bundledByConsumers(project: ShipshapeProject): boolean {
  return project
    .get(entryPoints)
    .some((e) => e.field[0] !== 'bin' && e.kind === 'code' && !/\.cjs$/.test(e.path) && !e.field.includes('require'));
}
