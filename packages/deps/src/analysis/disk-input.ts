import { existsSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pythonEnvironment, toPosixRelative, type ShipshapeProject } from '@shipshape/core';
import type { DepsInput, WorkspaceProjectRef } from './input';
import { listDir, readText } from './fs';
import { NpmInstallation } from './npm/installed';
import { scanWorkspaceProjects } from './scan-workspace';
import { readWorkspacePackages, type WorkspacePackage } from './workspace';

/** The dependency analysis input of an audit: the project's files on disk, its neighbours from Nx's graph. */
export function diskInput(project: ShipshapeProject): DepsInput {
  const abs = (path: string) => join(project.workspaceRoot, path);
  const input: DepsInput = {
    project: { name: project.name, root: project.root },
    workspaceRoot: project.workspaceRoot,
    options: project.options.deps ?? {},
    projectFiles: () => project.files().map((f) => f.file),
    read: (path) => readText(abs(path)),
    isFile: (path) => {
      try {
        return statSync(abs(path)).isFile();
      } catch {
        return false;
      }
    },
    listDir: (path) => listDir(abs(path)),
    workspaceProjects: (): WorkspaceProjectRef[] => project.workspaceGraph()?.projects ?? scanWorkspaceProjects(project.workspaceRoot),
    typescriptModules: () =>
      project
        .typescript()
        .allModules()
        .flatMap((m) => (m.info ? [{ file: m.file.file, info: m.info }] : [])),
    python: async () => {
      const analysis = await project.python();
      const files = Object.fromEntries(Object.entries(analysis.files).map(([path, result]) => [toPosixRelative(project.workspaceRoot, path), result]));
      return { ...analysis, files };
    },
    pythonEnvironment: () => pythonEnvironment({ python: project.options.python, project: project.name }),
    npmInstallation: () => diskInstallation(project.workspaceRoot),
    workspacePackages: () => diskWorkspacePackages(project.workspaceRoot, input),
  };
  return input;
}

const packagesByWorkspace = new Map<string, WorkspacePackage[]>();

/** The workspace's packages, read once per workspace and process: the projects of an audit share them. */
function diskWorkspacePackages(workspaceRoot: string, input: DepsInput): WorkspacePackage[] {
  let packages = packagesByWorkspace.get(workspaceRoot);
  if (!packages) {
    packages = readWorkspacePackages(input);
    packagesByWorkspace.set(workspaceRoot, packages);
  }
  return packages;
}

const installations = new Map<string, NpmInstallation>();

/** One view of a workspace's installed packages per process: the projects of an audit share what it read. */
function diskInstallation(workspaceRoot: string): NpmInstallation {
  let installation = installations.get(workspaceRoot);
  if (!installation) {
    const abs = (path: string) => join(workspaceRoot, path);
    installation = new NpmInstallation({
      read: (path) => readText(abs(path)),
      exists: (path) => existsSync(abs(path)),
      realpath: (path) => {
        try {
          return toPosixRelative(workspaceRoot, realpathSync(abs(path)));
        } catch {
          return path;
        }
      },
    });
    installations.set(workspaceRoot, installation);
  }
  return installation;
}
