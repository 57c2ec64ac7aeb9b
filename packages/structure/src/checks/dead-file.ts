import { defineCheck, diskView, type FindingInput, inProject, projectRelative, type ShipshapeProject } from '@shipshape/core';
import { importsByDependents, subpathFile, workspacePackages } from '../typescript/cross-project-imports';
import { ModuleGraph, SOURCE_FILE } from '../typescript/import-graph';
import { libraryModules } from '../typescript/library-side-effects';
import { isLibrarySource } from '../typescript/source-kinds';

function run(project: ShipshapeProject): FindingInput[] {
  const manifest = project.packageJson()?.data;
  const view = diskView(project);
  const graph = new ModuleGraph(view);
  const files = view.files().filter((f) => SOURCE_FILE.test(f));
  const sourceRoot = files.some((f) => f.startsWith(inProject(project.root, 'src/'))) ? inProject(project.root, 'src/') : inProject(project.root, '');
  const roots = new Set(libraryModules(view, manifest, graph));
  // Tests, configs and scripts are not library code, but what they import is in use.
  for (const file of files) if (!isLibrarySource(projectRelative(project.root, file)) || !file.startsWith(sourceRoot)) roots.add(file);
  const packages = workspacePackages(project);
  if (packages) {
    for (const { target } of importsByDependents(project, packages)) {
      const file = subpathFile(project, target, view.isFile);
      if (file) roots.add(file);
    }
  }
  const reachable = graph.reachableFrom(roots);
  return files
    .filter((f) => f.startsWith(sourceRoot) && isLibrarySource(projectRelative(project.root, f)) && !reachable.has(f))
    .map((file) => ({
      message: `${file} is dead: no entry point of the package reaches it through imports${packages ? ', and no other project imports it' : ''}; delete it, or export it if it is meant to be public`,
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
  description:
    "Follows the real import graph (relative imports and re-exports, type-only ones included) from the package's entry points, its tests and configs, and, through Nx's project graph, the imports other workspace projects make of this one; a library source that none of them reaches is dead.",
  run,
});
