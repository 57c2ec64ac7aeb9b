import { posix } from 'node:path';
import {
  buildOutputs,
  defineFact,
  npmDeclaredNames,
  packageJson,
  typescriptSources,
  workspaceGraph,
  workspaceImports,
  type ImportRef,
  type ShipshapeProject,
  type WorkspaceImportTarget,
} from '@shipshape/core';
import { dependentsOf, nxProjectGraph } from './nx-graph';

/** An import, in one project's code, of another workspace project. */
export interface CrossProjectImport {
  /** Workspace-relative file that imports. */
  file: string;
  ref: ImportRef;
  target: WorkspaceImportTarget;
}

/** The imports of a project's TS/JS sources (build outputs left out) that resolve to a workspace project `accept` takes. */
function workspaceImportsOf(project: ShipshapeProject, accept: (target: WorkspaceImportTarget) => boolean): CrossProjectImport[] {
  const resolve = project.get(workspaceImports);
  const outputs = project.get(buildOutputs);
  return project
    .get(typescriptSources)
    .all()
    .filter(({ file }) => !outputs.isOutput(file))
    .flatMap(({ file, info }) =>
      (info?.imports ?? []).flatMap((ref) => {
        const target = resolve(ref.specifier);
        return target && accept(target) ? [{ file, ref, target }] : [];
      }),
    );
}

/** This project's imports of the workspace projects Nx's graph says it depends on; undefined without Nx's graph. */
export const dependencyImports = defineFact({
  id: 'structure/dependency-imports',
  inputs: [nxProjectGraph],
  compute: (project, graph): CrossProjectImport[] | undefined => {
    if (!graph) return undefined;
    const dependencies = new Set(graph.dependencies[project.name] ?? []);
    return workspaceImportsOf(project, (t) => t.project.name !== project.name && dependencies.has(t.project.name));
  },
});

/** Imports of this project by the projects that depend on it in Nx's graph; undefined without Nx's graph. */
export const dependentImports = defineFact({
  id: 'structure/dependent-imports',
  inputs: [nxProjectGraph],
  compute: (project, graph): CrossProjectImport[] | undefined =>
    graph &&
    dependentsOf(graph, project.name).flatMap((node) =>
      workspaceImportsOf(project.workspace.project(node), (t) => t.project.name === project.name),
    ),
});

/** Does a project's package.json declare the package? A malformed one declares nothing here (its own audit says why). */
function declares(project: ShipshapeProject, name: string): boolean {
  try {
    return npmDeclaredNames(project.get(packageJson)?.data).includes(name);
  } catch {
    return false;
  }
}

/**
 * Without Nx's graph (a workspace Nx does not run, or an audit outside Nx): imports of this project by the
 * workspace projects whose package.json declares it.
 */
export function workspaceImporters(project: ShipshapeProject): CrossProjectImport[] {
  const name = project.get(packageJson)?.data.name;
  if (typeof name !== 'string') return [];
  return project
    .get(workspaceGraph)
    .projects.filter((node) => node.root !== project.root && node.root !== '.')
    .map((node) => project.workspace.project(node))
    .filter((other) => declares(other, name))
    .flatMap((other) => workspaceImportsOf(other, (t) => t.project.root === project.root));
}

/**
 * The workspace-relative source file an import of this project's subpath lands on: the file a path alias
 * names, else the subpath as a file of the project, else the source the build writes that subpath from
 * (`@acme/server/vendor/x` → `src/vendor/x.ts`).
 */
export function subpathFile(project: ShipshapeProject, target: WorkspaceImportTarget): string | undefined {
  const isFile = (path: string) => project.workspace.source.isFile(path);
  if (target.file) return [target.file, ...['.ts', '.tsx', '/index.ts'].map((e) => target.file + e)].find(isFile);
  if (target.subpath === '.') return undefined;
  const base = posix.join(project.root, target.subpath);
  const direct = [base, ...['.ts', '.tsx', '.js', '/index.ts', '/index.js'].map((e) => base + e), base.replace(/\.js$/, '.ts')].find(
    isFile,
  );
  if (direct) return direct;
  const outputs = project.get(buildOutputs);
  const exported = outputs.entries.find((e) => e.subpath === target.subpath && e.source)?.source;
  return exported ?? outputs.sourceOf(/\.[cm]?js$/.test(base) ? base : `${base}.js`)?.source;
}
