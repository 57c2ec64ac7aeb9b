import { DependencyType, type CreateDependencies, type CreateDependenciesContext, type RawProjectGraphDependency } from '@nx/devkit';
import {
  normalizeDistributionName,
  pluginWorkspace,
  pyproject,
  pythonAnalysis,
  pythonPackages,
  type ManifestText,
  type PyProject,
  type ShipshapeProject,
} from '@shipshape/core';
import { pythonDeclared, toolDeclared } from '../analysis/python/manifest';

interface PythonProject {
  project: ShipshapeProject;
  distribution?: string;
  importNames: ReadonlySet<string>;
  declared: string[];
}

/**
 * Python projects' dependencies on other Python projects of the workspace, for Nx's project graph: from
 * the requirements in pyproject.toml (the edge's file is pyproject.toml) and from the imports of their
 * .py files (without Python, only the pyproject.toml edges). Only the projects with Python files Nx asks
 * about are parsed again: Nx keeps the edges of the files that did not change.
 */
export const createDependencies: CreateDependencies = async (_options, context) => {
  const projects = pythonProjects(context);
  if (projects.length < 2) return [];
  const byDistribution = new Map(projects.filter((p) => p.distribution).map((p) => [p.distribution!, p]));
  const byImportName = new Map(projects.flatMap((p) => [...p.importNames].map((name) => [name, p] as const)));
  const edges = new Map<string, RawProjectGraphDependency>();
  const add = (source: PythonProject, target: PythonProject | undefined, sourceFile: string) => {
    if (!target || target === source) return;
    const key = `${source.project.name}\u0000${target.project.name}\u0000${sourceFile}`;
    if (!edges.has(key))
      edges.set(key, { source: source.project.name, target: target.project.name, sourceFile, type: DependencyType.static });
  };
  for (const source of projects) {
    for (const declared of source.declared) add(source, byDistribution.get(declared), source.project.file('pyproject.toml'));
  }
  for (const source of projects.filter((p) => changedPythonFiles(context, p.project.name))) {
    for (const [file, result] of Object.entries(await importsOf(source.project))) {
      for (const imported of result) if (imported.level === 0) add(source, byImportName.get(imported.module.split('.')[0]), file);
    }
  }
  return [...edges.values()];
};

function pythonProjects(context: CreateDependenciesContext): PythonProject[] {
  const workspace = pluginWorkspace(context);
  return Object.entries(context.projects).flatMap(([name, config]) => {
    if (!config.root || config.root === '.') return [];
    const project = workspace.project({ name, root: config.root });
    const manifest = readPyproject(project);
    if (!manifest) return [];
    const distribution =
      typeof manifest.data.project?.name === 'string' ? normalizeDistributionName(manifest.data.project.name) : undefined;
    const declared = [...declaredIn(manifest), ...toolDeclared(project)].map((d) => normalizeDistributionName(d.name));
    return [{ project, distribution, importNames: project.get(pythonPackages).importNames, declared }];
  });
}

/** The project's pyproject.toml; undefined when it has none or it is malformed (the audit reports it; the graph goes on without it). */
function readPyproject(project: ShipshapeProject) {
  try {
    return project.get(pyproject);
  } catch {
    return undefined;
  }
}

/** The requirements pyproject.toml declares; none when one of its lists is malformed (the audit reports it; the graph goes on without it). */
function declaredIn(manifest: ManifestText<PyProject>) {
  try {
    return pythonDeclared(manifest.data, manifest.path, manifest.text);
  } catch {
    return [];
  }
}

/** Whether Nx asks about some .py file of the project (all of them on a first computation, the changed ones after). */
function changedPythonFiles(context: CreateDependenciesContext, project: string): boolean {
  return (context.filesToProcess.projectFileMap[project] ?? []).some((f) => f.file.endsWith('.py'));
}

/** The imports of each .py file of the project, by workspace-relative path; none without a usable Python. */
async function importsOf(project: ShipshapeProject) {
  try {
    return Object.fromEntries(Object.entries((await project.get(pythonAnalysis)).files).map(([file, result]) => [file, result.imports]));
  } catch {
    return {}; // no usable Python: the pyproject.toml edges are all the graph gets
  }
}
