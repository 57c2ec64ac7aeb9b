import {
  buildOutputs,
  defineCheck,
  matchesGlob,
  moduleGraph,
  packageJson,
  projectRelative,
  projectTools,
  typescriptSources,
  unparsedTypescript,
  workspaceImports,
  type FindingInput,
  type ShipshapeProject,
} from '@shipshape/core';
import { dependentImports, subpathFile, workspaceImporters } from '../typescript/cross-project-imports';
import { entriesProven, entrySources, entryPoints, mainEntry } from '../typescript/entry-points';
import { projectSources } from '../typescript/project-sources';

/** Files a tool's config names (vitest setupFiles, a bundler entry) or a package.json script mentions (`cp src/x.js dist/`): used, whatever imports them. */
function configuredFiles(project: ShipshapeProject, files: readonly string[]): string[] {
  const patterns = project.get(projectTools).flatMap((tool) => tool.references.entries.map((e) => e.pattern));
  const declared = project.get(packageJson)?.data.scripts;
  const scripts = Object.values(typeof declared === 'object' && declared !== null ? declared : {}).filter(
    (c): c is string => typeof c === 'string',
  );
  return files.filter((file) => {
    const relative = projectRelative(project.root, file);
    return patterns.some((p) => p === file || (p.includes('*') && matchesGlob(file, p))) || scripts.some((c) => c.includes(relative));
  });
}

/** `x.browser.ts` next to a reached `x.ts` (or the reverse): the platform variant a bundler or the "browser" field swaps in. */
const PLATFORM_INFIX = /\.(browser|node|native|react-native|web|worker|deno|bun|edge|ios|android)(?=\.[cm]?[jt]sx?$)/;
function platformSibling(file: string, reachable: ReadonlySet<string>): boolean {
  const base = file.replace(PLATFORM_INFIX, '');
  if (
    base !== file &&
    [...reachable].some((r) => r.replace(PLATFORM_INFIX, '').replace(/\.[cm]?[jt]sx?$/, '') === base.replace(/\.[cm]?[jt]sx?$/, ''))
  )
    return true;
  return false;
}

/** The project's own files its code reaches by package name or path alias (`@acme/server/vendor/x` from inside @acme/server). */
function selfImported(project: ShipshapeProject, files: readonly string[]): string[] {
  const resolve = project.get(workspaceImports);
  const sources = project.get(typescriptSources);
  return files.flatMap((file) =>
    (sources.module(file).info?.imports ?? []).flatMap((ref) => {
      const target = ref.specifier.startsWith('.') ? undefined : resolve(ref.specifier);
      const found = target && target.project.root === project.root ? subpathFile(project, target) : undefined;
      return found ? [found] : [];
    }),
  );
}

function run(project: ShipshapeProject): FindingInput[] {
  if (project.get(unparsedTypescript).length > 0) return [];
  const entries = project.get(entryPoints);
  const main = project.get(mainEntry);
  // Without every entry point mapped to its source, an unreached file proves nothing.
  if (!entriesProven(entries) || (entries.length === 0 && !main)) return [];
  const { files, library } = project.get(projectSources);
  const libraryFiles = new Set(library);
  const roots = new Set([...entrySources(entries), ...project.get(buildOutputs).buildEntries, ...(main ? [main] : [])]);
  // Tests, configs, fixtures and scripts are not library code, but what they import is in use.
  for (const file of files) if (!libraryFiles.has(file)) roots.add(file);
  for (const file of [...configuredFiles(project, files), ...selfImported(project, files)]) roots.add(file);
  const graph = project.get(moduleGraph);
  let reachable = graph.reachableFrom(roots);
  let candidates = library.filter((f) => !reachable.has(f));
  if (candidates.length === 0) return [];
  // Other projects' imports, from Nx's graph, else from the workspace projects that import this package.
  const imported = project.get(dependentImports) ?? workspaceImporters(project);
  for (const { target } of imported) {
    const file = subpathFile(project, target);
    if (file) roots.add(file);
  }
  reachable = graph.reachableFrom(roots);
  candidates = candidates.filter((f) => !reachable.has(f) && !platformSibling(f, reachable));
  return candidates.map((file) => ({
    message: `${file} is dead: no entry point of the package, no file its build or tools name, and no other project reaches it through imports; delete it, or export it if it is meant to be public`,
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
  requires: [entryPoints],
  description:
    "Follows the real import graph (relative imports and re-exports, type-only ones included) from the sources of every entry point package.json declares (exports subpaths, wildcards included, main, bin), the files the build configs and tools name, the project's tests, configs and fixtures, its own imports by package name, and the imports other workspace projects make of it; a library source none of them reaches is dead. Build outputs are never sources. When an entry point cannot be mapped to its source, the check says nothing.",
  run,
});
