import { builtinModules } from 'node:module';
import { typescriptSources, type ShipshapeProject } from '@shipshape/core';
import { entryPoints, type EntryPoint } from './entry-points';
import { libraryModules } from './library-modules';

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/**
 * Why the package runs on Node.js, if it does: the first import of a Node.js built-in (`node:fs`, `http`) by
 * its library code, or, for a command-line tool (a "bin" and no library entry), the bin. A browser or
 * isomorphic library has none, even with a helper bin next to it.
 */
export function nodeRuntimeEvidence(project: ShipshapeProject): string | undefined {
  const sources = project.get(typescriptSources);
  for (const file of [...project.get(libraryModules)].sort()) {
    const found = sources
      .module(file)
      .info?.imports.find((i) => !i.typeOnly && (i.specifier.startsWith('node:') || NODE_BUILTINS.has(i.specifier.split('/')[0])));
    if (found) return `${file}:${found.line} imports "${found.specifier}"`;
  }
  const entries = project.get(entryPoints);
  return entries.some((e) => e.field[0] === 'bin') && !importedByCode(entries) ? 'it is a command-line tool with a "bin"' : undefined;
}

/** A library entry consumers import (".", main, module): a package with only a bin or helper subpaths is imported by no code. */
export const importedByCode = (entries: readonly EntryPoint[]): boolean =>
  entries.some((e) => e.subpath === '.' || ['main', 'module'].includes(String(e.field[0])));

/** Does the package give bundlers code to tree-shake: an entry that is not a bin, nor CommonJS only (`.cjs`, a "require" condition)? */
export function bundledByConsumers(project: ShipshapeProject): boolean {
  return project
    .get(entryPoints)
    .some((e) => e.field[0] !== 'bin' && e.kind === 'code' && !/\.cjs$/.test(e.path) && !e.field.includes('require'));
}
