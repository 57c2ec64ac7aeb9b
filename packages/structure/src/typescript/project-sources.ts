import {
  buildOutputs,
  defineFact,
  isLibrarySource,
  isWithin,
  libraryTsconfig,
  matchesGlob,
  projectRelative,
  typescriptSources,
  type Tsconfig,
} from '@shipshape/core';

export interface ProjectSources {
  /** The project's TS/JS files that are sources: build outputs left out, built or not. */
  files: string[];
  /** Of those, library code: below src/ when there is one, and not a test, fixture, config, declaration, or a file the library tsconfig excludes. */
  library: string[];
  /** Sources the library tsconfig's `exclude` leaves out: whatever they are, the library build does not see them. */
  excluded: Set<string>;
  /** `src/` (workspace-relative, with the slash) when the project has one, else the project's root. */
  sourceRoot: string;
}

/** Does the tsconfig's `exclude` leave the file out (a glob, or a folder and what is below it)? */
function excludedBy(config: Tsconfig | undefined, file: string): boolean {
  return (config?.exclude ?? []).some(
    (pattern) => isWithin(file, pattern) || matchesGlob(file, pattern) || matchesGlob(file, `${pattern}/**`),
  );
}

/** The project's sources and, among them, its library code (what a consumer's import can load). */
export const projectSources = defineFact({
  id: 'structure/project-sources',
  inputs: [typescriptSources, buildOutputs, libraryTsconfig],
  compute: (project, sources, outputs, tsconfig): ProjectSources => {
    const files = sources.files.filter((f) => !outputs.isOutput(f));
    const src = project.file('src/');
    const sourceRoot = files.some((f) => f.startsWith(src)) ? src : project.file('');
    const excluded = new Set(files.filter((f) => excludedBy(tsconfig, f)));
    const library = files.filter((f) => f.startsWith(sourceRoot) && isLibrarySource(projectRelative(project.root, f)) && !excluded.has(f));
    return { files, library, excluded, sourceRoot };
  },
});
