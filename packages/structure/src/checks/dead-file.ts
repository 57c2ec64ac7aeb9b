import {
  defineCheck,
  isLibrarySource,
  moduleGraph,
  projectRelative,
  typescriptSources,
  type FindingInput,
  type ShipshapeProject,
} from '@shipshape/core';
import { dependentImports, subpathFile } from '../typescript/cross-project-imports';
import { libraryModules } from '../typescript/library-modules';

function run(project: ShipshapeProject): FindingInput[] {
  const files = project.get(typescriptSources).files;
  const src = project.file('src/');
  const sourceRoot = files.some((f) => f.startsWith(src)) ? src : project.file('');
  const isLibrary = (file: string) => file.startsWith(sourceRoot) && isLibrarySource(projectRelative(project.root, file));
  const roots = new Set(project.get(libraryModules));
  // Tests, configs and scripts are not library code, but what they import is in use.
  for (const file of files) if (!isLibrary(file)) roots.add(file);
  const imported = project.get(dependentImports);
  for (const { target } of imported ?? []) {
    const file = subpathFile(project, target);
    if (file) roots.add(file);
  }
  const reachable = project.get(moduleGraph).reachableFrom(roots);
  return files
    .filter((f) => isLibrary(f) && !reachable.has(f))
    .map((file) => ({
      message: `${file} is dead: no entry point of the package reaches it through imports${imported ? ', and no other project imports it' : ''}; delete it, or export it if it is meant to be public`,
      file,
      line: 1,
      column: 1,
      key: projectRelative(project.root, file),
    }));
}

export default defineCheck({
  id: 'structure/dead-file',
  title: 'Every source file is reached from an entry point',
  planItem: 'structure/directory-layout',
  languages: ['typescript'],
  severity: 'warning',
  requires: [libraryModules],
  description:
    "Follows the real import graph (relative imports and re-exports, type-only ones included) from the package's entry points, its tests and configs, and, through Nx's project graph, the imports other workspace projects make of this one; a library source that none of them reaches is dead.",
  run,
});
