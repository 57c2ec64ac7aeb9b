import { posix } from 'node:path';
import {
  defineFact,
  typescriptSources,
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

/** The imports of a project's TS/JS sources that resolve to a workspace project `accept` takes. */
function workspaceImportsOf(project: ShipshapeProject, accept: (target: WorkspaceImportTarget) => boolean): CrossProjectImport[] {
  const resolve = project.get(workspaceImports);
  return project
    .get(typescriptSources)
    .all()
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

/** The workspace-relative file an import of this project's subpath lands on, when it is one of its source files. */
export function subpathFile(project: ShipshapeProject, target: WorkspaceImportTarget): string | undefined {
  const isFile = (path: string) => project.workspace.source.isFile(path);
  if (target.file) return [target.file, ...['.ts', '.tsx', '/index.ts'].map((e) => target.file + e)].find(isFile);
  if (target.subpath === '.') return undefined;
  const base = posix.join(project.root, target.subpath);
  return [base, ...['.ts', '.tsx', '.js', '/index.ts', '/index.js'].map((e) => base + e), base.replace(/\.js$/, '.ts')].find(isFile);
}
