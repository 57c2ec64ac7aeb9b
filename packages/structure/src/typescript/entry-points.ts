import { buildOutputs, defineFact, type PackageEntry } from '@shipshape/core';

/** An entry point package.json declares, with the source it is built from (core's buildOutputs). */
export type EntryPoint = PackageEntry;

const MAIN_FIELDS = ['main', 'module', 'types', 'typings'];
const DEFAULT_ENTRIES = ['src/index.ts', 'src/index.tsx', 'src/index.js', 'index.ts', 'index.js'];

/** The entry points package.json declares, each with the source file it is built from. */
export const entryPoints = defineFact({
  id: 'structure/entry-points',
  inputs: [buildOutputs],
  compute: (_project, outputs): EntryPoint[] => outputs.entries,
});

/** The library's main source entry: what `exports['.']` or main/types build from, else src/index.ts. */
export const mainEntry = defineFact({
  id: 'structure/main-entry',
  inputs: [buildOutputs],
  compute: (project, outputs): string | undefined => {
    const sourced = outputs.entries.filter((e) => e.source && !outputs.isOutput(e.source));
    const main = sourced.find((e) => e.subpath === '.') ?? sourced.find((e) => MAIN_FIELDS.includes(String(e.field[0])));
    if (main?.source) return main.source;
    return DEFAULT_ENTRIES.map((f) => project.file(f)).find((f) => project.workspace.source.isFile(f) && !outputs.isOutput(f));
  },
});

/** Every source file an entry point (an exports subpath, wildcards included, main, bin...) is built from. */
export function entrySources(entries: readonly EntryPoint[]): string[] {
  return [...new Set(entries.flatMap((e) => [...(e.source ? [e.source] : []), ...(e.sources ?? [])]))];
}

/**
 * Every entry that names code is mapped to its source by the build config, the layout or itself (a bundle
 * merely named after the package is a guess): only then can a file be proven unreachable.
 */
export function entriesProven(entries: readonly EntryPoint[]): boolean {
  return entries.every((e) => e.kind === 'other' || ((e.source !== undefined || e.sources !== undefined) && e.evidence !== 'package-name'));
}
