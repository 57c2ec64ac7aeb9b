import { isWithin } from '../../file-system/paths';
import { defineFact, defineWorkspaceFact } from '../fact';
import { packageJson, pyproject } from '../project/manifests';
import { pythonPackages } from '../project/python';
import { pathAliases, resolveAlias } from '../project/tsconfig';
import type { WorkspaceProject } from '../workspace-graph';
import { workspaceGraph } from './projects';

/** A project of the workspace that is a package, with the names code imports it by. */
export interface WorkspacePackage {
  project: WorkspaceProject;
  npm?: { name: string; version?: string };
  python?: { name: string; version?: string; importNames: ReadonlySet<string> };
}

function readQuietly<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined; // a malformed manifest makes a project no package here; its own audit reports the file
  }
}

/** The projects of the workspace (the root left out) that are npm or Python packages. */
export const workspacePackages = defineWorkspaceFact({
  id: 'workspace/packages',
  inputs: [workspaceGraph],
  compute: (workspace, graph): WorkspacePackage[] =>
    graph.projects
      .filter((p) => p.root !== '.' && p.root !== '')
      .map((node) => {
        const project = workspace.project(node);
        const found: WorkspacePackage = { project: node };
        const pkg = readQuietly(() => project.get(packageJson))?.data;
        if (typeof pkg?.name === 'string')
          found.npm = { name: pkg.name, version: typeof pkg.version === 'string' ? pkg.version : undefined };
        const table = readQuietly(() => project.get(pyproject))?.data.project;
        if (typeof table?.name === 'string') {
          let importNames: ReadonlySet<string> | undefined;
          found.python = {
            name: table.name,
            version: typeof table.version === 'string' ? table.version : undefined,
            // Listing a Python project's files is the costly part: only an audit that resolves a Python import asks.
            get importNames() {
              return (importNames ??= readQuietly(() => project.get(pythonPackages))?.importNames ?? new Set<string>());
            },
          };
        }
        return found;
      })
      .filter((p) => p.npm || p.python),
});

/** The project that owns a workspace-relative path: the deepest root that contains it (the root project left out). */
export function owningProject(projects: readonly WorkspaceProject[], path: string): WorkspaceProject | undefined {
  return projects.filter((p) => p.root !== '.' && isWithin(path, p.root)).sort((a, b) => b.root.length - a.root.length)[0];
}

/** A bare specifier resolved to a workspace project: `@acme/money/src/internal/x` is money, subpath `./src/internal/x`. */
export interface WorkspaceImportTarget {
  project: WorkspaceProject;
  /** `.` for the package itself, else `./<rest>` as an exports map key would say it. */
  subpath: string;
  /** The tsconfig path alias it went through, if any (`@acme/money/*`). */
  alias?: string;
  /** Workspace-relative path the alias points at, when it went through one. */
  file?: string;
}

/** Resolves the bare specifiers of a project's code to the workspace projects they name: path aliases first (as TypeScript does), then package names. */
export const workspaceImports = defineFact({
  id: 'workspace/import-resolver',
  inputs: [pathAliases, workspacePackages, workspaceGraph],
  compute: (_project, aliases, packages, graph) => {
    const names = packages.flatMap((p) => (p.npm ? [{ name: p.npm.name, project: p.project }] : []));
    return (specifier: string): WorkspaceImportTarget | undefined => {
      if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
      const aliased = resolveAlias(aliases, specifier);
      const aliasedProject = aliased && owningProject(graph.projects, aliased.target);
      if (aliased && aliasedProject) {
        const subpath = aliased.alias.includes('*') ? `./${aliased.target.slice(aliasedProject.root.length + 1)}` : '.';
        return { project: aliasedProject, subpath, alias: aliased.alias, file: aliased.target };
      }
      for (const { name, project } of names) {
        if (specifier === name) return { project, subpath: '.' };
        if (specifier.startsWith(`${name}/`)) return { project, subpath: `./${specifier.slice(name.length + 1)}` };
      }
      return undefined;
    };
  },
});
