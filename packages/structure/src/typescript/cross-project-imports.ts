import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TS_SOURCE_PATTERN, extractModuleInfo, listProjectFiles, type ImportRef, type ShipshapeProject, type WorkspaceProjectNode } from '@shipshape/core';
import { WorkspacePackages, type WorkspaceImportTarget } from './workspace-packages';

export interface CrossProjectImport {
  /** Workspace-relative file that imports. */
  file: string;
  ref: ImportRef;
  target: WorkspaceImportTarget;
}

function importsOf(files: Array<{ path: string; file: string }>, packages: WorkspacePackages, accept: (target: WorkspaceImportTarget) => boolean): CrossProjectImport[] {
  const found: CrossProjectImport[] = [];
  for (const { path, file } of files) {
    if (!TS_SOURCE_PATTERN.test(path) || /\.d\.[cm]?ts$/.test(path)) continue;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    for (const ref of extractModuleInfo(path, text).imports) {
      const target = packages.resolve(ref.specifier);
      if (target && accept(target)) found.push({ file, ref, target });
    }
  }
  return found;
}

/** The workspace's packages as Nx's project graph has them; undefined when Nx has computed no graph. */
export function workspacePackages(project: ShipshapeProject): WorkspacePackages | undefined {
  const graph = project.workspaceGraph();
  return graph && new WorkspacePackages(project.workspaceRoot, graph);
}

/** This project's imports of the other workspace projects Nx's graph says it depends on. */
export function importsOfDependencies(project: ShipshapeProject, packages: WorkspacePackages): CrossProjectImport[] {
  const dependencies = new Set(packages.graph.dependencies[project.name] ?? []);
  return importsOf(project.typescript().sourceFiles(), packages, (t) => t.project.name !== project.name && dependencies.has(t.project.name));
}

/** Imports of this project by the projects that depend on it in Nx's graph (their files read from disk). */
export function importsByDependents(project: ShipshapeProject, packages: WorkspacePackages): CrossProjectImport[] {
  const dependents = packages.graph.projects.filter((p: WorkspaceProjectNode) => p.name !== project.name && (packages.graph.dependencies[p.name] ?? []).includes(project.name));
  return dependents.flatMap((dependent) => {
    const { files } = listProjectFiles({ workspaceRoot: project.workspaceRoot, projectRoot: dependent.root, maxFileBytes: project.options.maxFileBytes });
    return importsOf(files, packages, (t) => t.project.name === project.name);
  });
}

/** The workspace-relative file an import of this project's subpath lands on, when it is one of its source files. */
export function subpathFile(project: ShipshapeProject, target: WorkspaceImportTarget, isFile: (path: string) => boolean): string | undefined {
  if (target.file) return [target.file, ...['.ts', '.tsx', '/index.ts'].map((e) => target.file + e)].find(isFile);
  if (target.subpath === '.') return undefined;
  const base = join(project.root, target.subpath).split('\\').join('/');
  return [base, ...['.ts', '.tsx', '.js', '/index.ts', '/index.js'].map((e) => base + e), base.replace(/\.js$/, '.ts')].find(isFile);
}
