import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { analyzePythonSources, extractModuleInfo, pythonEnvironment, toPosixRelative, treeProjects, treeView, TS_SOURCE_PATTERN, type ResolvedOptions } from '@shipshape/core';
import type { DepsInput, WorkspaceProjectRef } from './input';
import { NpmInstallation } from './npm/installed';
import { readWorkspacePackages, type WorkspacePackage } from './workspace';

const DECLARATION = /\.d\.[cm]?ts$/;

/** The dependency analysis input of a generator: the Nx Tree, with the changes of earlier steps. */
export function treeInput(tree: Tree, project: WorkspaceProjectRef, options: Pick<ResolvedOptions, 'deps' | 'python' | 'maxFileBytes'>): DepsInput {
  const view = treeView(tree, project.root);
  let files: string[] | undefined;
  const projectFiles = () => (files ??= view.files());
  let installation: NpmInstallation | undefined;
  let packages: WorkspacePackage[] | undefined;
  const input: DepsInput = {
    project,
    workspaceRoot: tree.root,
    options: options.deps ?? {},
    projectFiles,
    read: (path) => view.read(path),
    isFile: (path) => view.isFile(path),
    listDir: (path) => (tree.exists(path) && !tree.isFile(path) ? tree.children(path) : []),
    workspaceProjects: () => treeProjects(tree),
    typescriptModules: () =>
      projectFiles()
        .filter((file) => TS_SOURCE_PATTERN.test(file) && !DECLARATION.test(file))
        .flatMap((file) => {
          const text = view.read(file);
          if (text === undefined || text.includes('\u0000') || text.includes('\uFFFD')) return [];
          return [{ file, info: extractModuleInfo(file, text) }];
        }),
    python: () => {
      const sources = Object.fromEntries(
        projectFiles()
          .filter((file) => file.endsWith('.py'))
          .flatMap((file) => {
            const text = view.read(file);
            return text === undefined ? [] : [[file, text]];
          }),
      );
      return analyzePythonSources(sources, { python: options.python, maxBytes: options.maxFileBytes, project: project.name });
    },
    pythonEnvironment: () => pythonEnvironment({ python: options.python, project: project.name }),
    npmInstallation: () => (installation ??= new NpmInstallation(treeFiles(tree))),
    workspacePackages: () => (packages ??= readWorkspacePackages(input)),
  };
  return input;
}

/** Installed packages through the Tree, which reads files it did not change from the disk. */
function treeFiles(tree: Tree) {
  return {
    read: (path: string) => (tree.exists(path) && tree.isFile(path) ? (tree.read(path, 'utf-8') ?? undefined) : undefined),
    exists: (path: string) => tree.exists(path),
    realpath: (path: string) => {
      try {
        return toPosixRelative(tree.root, realpathSync(join(tree.root, path)));
      } catch {
        return path;
      }
    },
  };
}

