import { defineCheck, typescriptSources, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { mainEntry } from '../typescript/entry-points';

function run(project: ShipshapeProject): FindingInput[] {
  const entry = project.get(mainEntry);
  const sources = project.get(typescriptSources);
  const info = entry && sources.files.includes(entry) ? sources.module(entry).info : undefined;
  if (!entry || !info) return [];
  return info.exports
    .filter((e) => e.kind === 'star')
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
    'The module package.json points at (or src/index.ts) should name what it exports: `export { A } from "./a"` and `export type { T } from "./t"` instead of `export * from "./a"`, so that the public API changes only on purpose. The barrels generator writes the names each module really exports, computed with ts-morph.',
  run,
});
