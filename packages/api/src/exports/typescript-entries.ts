import type { Project } from 'ts-morph';
import {
  addWorkspaceFile,
  buildOutputs,
  defineFact,
  projectFiles,
  projectRelative,
  syntaxProgram,
  type ShipshapeProject,
  TS_SOURCE_PATTERN,
  typescriptSources,
} from '@shipshape/core';

/** A public entry of the package: an exports-map subpath (or main/types) and the source it is built from. */
export interface PublicEntry {
  /** `.`, `./utils`, `./internal/*`; the field name (`main`, `types`) for the other fields. */
  subpath: string;
  /** Workspace-relative source file. */
  source: string;
  /** Exposed through a wildcard subpath (`./internal/*`): a module reachable as is, not a designed entry. */
  pattern: boolean;
  /** The subpath says it is not public API (`./internal`, `./unstable-core-do-not-import`, `./private/*`). */
  internal: boolean;
}

const INTERNAL_SUBPATH = /(?:^|[/._-])(?:internals?|private|do-not-import|unsafe-internals?)(?:$|[/._-])/i;

const MAIN_FIELDS = ['main', 'module', 'types', 'typings'];
const DEFAULT_ENTRIES = ['src/index.ts', 'src/index.tsx', 'src/index.js', 'index.ts', 'index.js'];

/**
 * Every source a public entry is built from (exports subpaths, wildcards expanded, and main/types), and the main
 * one: the entry barrel @shipshape/structure judges (`exports['.']`, else main/types, else src/index.ts), as its
 * `mainEntry` fact finds it.
 */
export const publicEntries = defineFact({
  id: 'api/public-entries',
  inputs: [buildOutputs],
  compute: (project, outputs): { main: string | undefined; entries: PublicEntry[] } => {
    const sourced = outputs.entries.filter((e) => e.source && !outputs.isOutput(e.source));
    const main =
      (sourced.find((e) => e.subpath === '.') ?? sourced.find((e) => MAIN_FIELDS.includes(String(e.field[0]))))?.source ??
      DEFAULT_ENTRIES.map((f) => project.file(f)).find((f) => project.workspace.source.isFile(f) && !outputs.isOutput(f));
    const entries: PublicEntry[] = [];
    const add = (subpath: string, source: string, pattern: boolean) => {
      if (!TS_SOURCE_PATTERN.test(source) || outputs.isOutput(source)) return;
      const known = entries.find((e) => e.source === source);
      // A file both named by a subpath and reached by a wildcard is a designed entry.
      if (known) known.pattern &&= pattern;
      else entries.push({ subpath, source, pattern, internal: INTERNAL_SUBPATH.test(subpath) });
    };
    for (const entry of outputs.entries) {
      if (entry.kind === 'other') continue;
      const subpath = entry.subpath ?? String(entry.field[0]);
      if (entry.source) add(subpath, entry.source, entry.pattern);
      for (const source of entry.sources ?? []) add(subpath, source, true);
    }
    if (main) add('.', main, false);
    return { main, entries };
  },
});

/**
 * Is the module a curated barrel: no `export *` of its own, and mostly names it re-exports one by one? Then
 * `export *` of it exposes exactly that list, chosen on purpose (the exception @shipshape/structure makes).
 */
export function isCuratedBarrel(project: ShipshapeProject, file: string): boolean {
  const exports = project.get(typescriptSources).module(file).info?.exports ?? [];
  const reexported = exports.filter((e) => e.kind === 're-export').length;
  return exports.length > 0 && !exports.some((e) => e.kind === 'star') && reexported * 2 > exports.length;
}

/**
 * The project's TypeScript sources in an in-memory ts-morph program, as the run sees them (a generator's Tree
 * with its pending changes, or the disk). Paths in the program are core's `programPath`: `/` + the workspace-relative path.
 */
export const exportsProgram = defineFact({
  id: 'api/exports-program',
  inputs: [projectFiles, buildOutputs],
  compute: (project, files, outputs): Project => {
    const program = syntaxProgram({ strict: true });
    for (const { file } of files) {
      if (!TS_SOURCE_PATTERN.test(file) && !/\.d\.[cm]?ts$/.test(file)) continue;
      // A build's output (dist/*.d.ts) is not the source: its declarations would stand for the source's twice.
      if (projectRelative(project.root, file).split('/').includes('node_modules') || outputs.isOutput(file)) continue;
      addWorkspaceFile(program, project, file, project.options.maxFileBytes);
    }
    return program;
  },
});
