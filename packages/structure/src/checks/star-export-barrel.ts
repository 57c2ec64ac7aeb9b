import { defineCheck, diskView, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { mainSourceEntry } from '../typescript/entry-points';

function run(project: ShipshapeProject): FindingInput[] {
  const entry = mainSourceEntry(diskView(project), project.packageJson()?.data);
  const file = entry && project.typescript().sourceFiles().find((f) => f.file === entry);
  const info = file && project.typescript().module(file).info;
  if (!info) return [];
  return info.exports
    .filter((e) => e.kind === 'star')
    .map((e) => ({
      message: `the entry barrel re-exports everything of "${e.from}" with export *: whatever that module exports becomes public API by accident; list the names`,
      file: entry!,
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
  description:
    'The module package.json points at (or src/index.ts) should name what it exports: `export { A } from "./a"` and `export type { T } from "./t"` instead of `export * from "./a"`, so that the public API changes only on purpose. The barrels generator writes the names each module really exports, computed with ts-morph.',
  run,
});
