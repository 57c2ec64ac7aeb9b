import { posix } from 'node:path';
import { parseJson, parseToml } from '@shipshape/core';
import type { DepsInput } from './input';
import { pythonImportNames } from './python/packages';

/** Another project of the workspace, with the names code imports it by. */
export interface WorkspacePackage {
  project: string;
  root: string;
  npm?: { name: string; version?: string };
  python?: { name: string; version?: string; modules: Set<string> };
}

/** The other projects of the workspace that are packages (read once per input, see `DepsInput.workspacePackages`). */
export function otherWorkspacePackages(input: DepsInput): WorkspacePackage[] {
  return input.workspacePackages().filter((p) => p.root !== input.project.root);
}

/** The projects of the workspace that are packages; a malformed manifest makes a project no package (its own audit reports it). */
export function readWorkspacePackages(input: Pick<DepsInput, 'workspaceProjects' | 'read' | 'listDir' | 'isFile'>): WorkspacePackage[] {
  return input
    .workspaceProjects()
    .filter((p) => p.root !== '.' && p.root !== '')
    .map((p) => {
      const found: WorkspacePackage = { project: p.name, root: p.root };
      const pkg = readData(() => parseJson<Record<string, unknown>>(input.read(posix.join(p.root, 'package.json')) ?? '', p.root));
      if (typeof pkg?.name === 'string') found.npm = { name: pkg.name, version: typeof pkg.version === 'string' ? pkg.version : undefined };
      const pyproject = readData(() => parseToml<Record<string, unknown>>(input.read(posix.join(p.root, 'pyproject.toml')) ?? '', p.root));
      const table = pyproject?.project as { name?: unknown; version?: unknown } | undefined;
      if (typeof table?.name === 'string') {
        found.python = { name: table.name, version: typeof table.version === 'string' ? table.version : undefined, modules: pythonImportNames(input, p.root, pyproject) };
      }
      return found;
    })
    .filter((p) => p.npm || p.python);
}

function readData<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
