import { defineCheck, moduleGraph, typescriptSources, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { isCuratedBarrel, publicEntries } from './typescript-entries';

/** `export *` statements of public entries other than the main barrel (structure's), with the local module each names. */
export function subpathStars(
  project: ShipshapeProject,
): Array<{ entry: string; subpath: string; from: string; target: string; line: number; column: number }> {
  const { main, entries } = project.get(publicEntries);
  const sources = project.get(typescriptSources);
  const graph = project.get(moduleGraph);
  const found = [];
  for (const { source, subpath, pattern, internal } of entries) {
    // A wildcard exposes modules as they are, and an internal subpath says it is no API: neither is a designed entry.
    if (source === main || pattern || internal || !sources.files.includes(source)) continue;
    const info = sources.module(source).info;
    if (!info) continue;
    const targets = new Map(graph.localImports(source).map((i) => [i.specifier, i.target]));
    for (const e of info.exports) {
      if (e.kind !== 'star' || e.from === undefined) continue;
      const target = targets.get(e.from);
      // A bare specifier re-exports a whole package on purpose; a curated barrel is a list already.
      if (target === undefined || isCuratedBarrel(project, target)) continue;
      found.push({ entry: source, subpath, from: e.from, target, line: e.line, column: e.column });
    }
  }
  return found;
}

export default defineCheck({
  id: 'api/star-export-entry',
  title: 'Every public entry lists its exports explicitly',
  planItem: 'api/explicit-exports',
  languages: ['typescript'],
  severity: 'warning',
  fixedBy: '@shipshape/api:explicit-exports',
  requires: [publicEntries],
  description:
    "Every entry the package exposes (each subpath of the `exports` map; a wildcard subpath exposes modules as they are, and a subpath named internal, private or do-not-import says it is no API, so neither is judged) names what it exports instead of `export * from './module'`, so that the public API changes only on purpose. The main entry barrel is @shipshape/structure's (`structure/star-export-barrel`), and the same exceptions hold: re-exporting a whole package, or a module that itself lists every name it re-exports, is deliberate. The explicit-exports generator writes the names each module really exports (types with `export type`).",
  run: (project): FindingInput[] =>
    subpathStars(project).map((s) => ({
      message: `the public entry "${s.subpath}" (${s.entry}) re-exports everything of "${s.from}" with export *: whatever that module exports becomes public API by accident; list the names`,
      file: s.entry,
      line: s.line,
      column: s.column,
      key: `star:${s.subpath}:${s.from}`,
    })),
});
