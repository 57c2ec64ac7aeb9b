import { defineCheck, moduleGraph, typescriptSources, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { mainEntry } from '../typescript/entry-points';

/**
 * Is the module a curated barrel: no `export *` of its own, and mostly names it re-exports one by one
 * (`export { a, type B } from './x'`)? Then `export *` of it exposes exactly that list, chosen on purpose.
 */
function isCuratedBarrel(project: ShipshapeProject, file: string): boolean {
  const exports = project.get(typescriptSources).module(file).info?.exports ?? [];
  const reexported = exports.filter((e) => e.kind === 're-export').length;
  return exports.length > 0 && !exports.some((e) => e.kind === 'star') && reexported * 2 > exports.length;
}

function run(project: ShipshapeProject): FindingInput[] {
  const entry = project.get(mainEntry);
  const sources = project.get(typescriptSources);
  const info = entry && sources.files.includes(entry) ? sources.module(entry).info : undefined;
  if (!entry || !info) return [];
  const graph = project.get(moduleGraph);
  const targets = new Map(graph.localImports(entry).map((i) => [i.specifier, i.target]));
  return info.exports
    .filter((e) => e.kind === 'star' && e.from !== undefined)
    .filter((e) => {
      const target = targets.get(e.from!);
      // A bare specifier re-exports a whole package (a framework adapter exposing its core): that package's API, on purpose.
      return target !== undefined && !isCuratedBarrel(project, target);
    })
    .map((e) => ({
      message: `the entry barrel re-exports everything of "${e.from}" with export *: whatever that module exports becomes public API by accident; list the names`,
      file: entry,
      line: e.line,
      column: e.column,
      key: `star:${e.from}`,
    }));
}

export default defineCheck({
  id: 'structure/star-export-barrel',
  title: 'The entry barrel lists its exports explicitly',
  planItem: 'structure/barrels',
  languages: ['typescript'],
  severity: 'warning',
  fixedBy: '@shipshape/structure:barrels',
  requires: [mainEntry],
  description:
    'The module package.json points at (or src/index.ts) should name what it exports: `export { A } from "./a"` and `export type { T } from "./t"` instead of `export * from "./a"`, so that the public API changes only on purpose. Re-exporting a whole package (a framework adapter exposing its core) or a module that itself lists every name it re-exports is deliberate, and not reported. The barrels generator writes the names each module really exports, computed with ts-morph.',
  run,
});
