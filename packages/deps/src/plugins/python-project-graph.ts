import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CreateDependencies, CreateDependenciesContext, DependencyType, RawProjectGraphDependency } from '@nx/devkit';
import type { ManifestText, PythonAnalysis, PyProject, ShipshapeProject } from '@shipshape/core';
import { contentHash } from '@shipshape/core/plugin';
import { loadPythonImportsCache, type PythonImportsCache } from './python-imports-cache';

// Core and the manifest analysis are loaded when the workspace has two Python projects, not with the plugin: Nx
// loads the plugin in a worker it starts for every graph computation, and most workspaces have no Python.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
const core = () => require('@shipshape/core') as typeof import('@shipshape/core');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
const manifestAnalysis = () => require('../analysis/python/manifest') as typeof import('../analysis/python/manifest');

/** `DependencyType.static`, without loading @nx/devkit into the plugin worker for its value. */
const STATIC = 'static' as DependencyType.static;

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
 * about are read again: Nx keeps the edges of the files that did not change. What each file imports is kept
 * on disk by the file's content hash (loadPythonImportsCache): a new Nx process runs Python only for files no run
 * has read before. When Nx asks about no file an edge can come from (see `mayChangeEdges`), nothing is read.
 */
export const createDependencies: CreateDependencies = async (_options, context) => {
  if (!mayChangeEdges(context) || !twoPyprojects(context)) return [];
  const projects = pythonProjects(context);
  if (projects.length < 2) return [];
  const byDistribution = new Map(projects.filter((p) => p.distribution).map((p) => [p.distribution!, p]));
  const byImportName = new Map(projects.flatMap((p) => [...p.importNames].map((name) => [name, p] as const)));
  const edges = new Map<string, RawProjectGraphDependency>();
  const add = (source: PythonProject, target: PythonProject | undefined, sourceFile: string) => {
    if (!target || target === source) return;
    const key = `${source.project.name}\u0000${target.project.name}\u0000${sourceFile}`;
    if (!edges.has(key)) edges.set(key, { source: source.project.name, target: target.project.name, sourceFile, type: STATIC });
  };
  for (const source of projects) {
    for (const declared of source.declared) add(source, byDistribution.get(declared), source.project.file('pyproject.toml'));
  }
  const changed = projects.filter((p) => changedPythonFiles(context, p.project.name));
  if (changed.length === 0) return [...edges.values()];
  const cache = loadPythonImportsCache(context.workspaceRoot);
  const hashes = pythonFileHashes(context);
  const imports = await importsOf(
    changed.map((p) => p.project),
    cache,
    hashes,
  );
  for (const source of changed) {
    for (const [file, modules] of Object.entries(imports.get(source.project) ?? {})) {
      for (const module of modules) add(source, byImportName.get(module), file);
    }
  }
  cache.save(hashes.values());
  return [...edges.values()];
};

/**
 * Whether Nx asks about a file that can change a Python edge: a file of a Python project (its pyproject.toml, a
 * tool's requirements, a .py file), of the workspace root (its manifests and tool configs) or of no project, or a
 * .gitignore. Nx keeps the edges of the files it does not ask about, and computes the whole graph again when a
 * project goes away, so with only other projects' files changed (a TypeScript project edited) the edges stand.
 */
function mayChangeEdges({ filesToProcess, projects, workspaceRoot }: CreateDependenciesContext): boolean {
  if (filesToProcess.nonProjectFiles.length > 0) return true;
  return Object.entries(filesToProcess.projectFileMap).some(([name, files]) => {
    if (files.length === 0) return false;
    const root = projects[name]?.root;
    return (
      root === undefined ||
      root === '.' ||
      hasPyproject(workspaceRoot, root) ||
      files.some((f) => f.file === '.gitignore' || f.file.endsWith('/.gitignore'))
    );
  });
}

/**
 * Whether two projects (not the root) have a pyproject.toml: with fewer, fewer than two are Python projects (a
 * project's pyproject.toml is read from the disk) and there is no edge to find.
 */
function twoPyprojects(context: CreateDependenciesContext): boolean {
  let found = 0;
  for (const config of Object.values(context.projects)) {
    if (config.root && config.root !== '.' && hasPyproject(context.workspaceRoot, config.root) && ++found === 2) return true;
  }
  return false;
}

function hasPyproject(workspaceRoot: string, root: string): boolean {
  return existsSync(join(workspaceRoot, root, 'pyproject.toml'));
}

function pythonProjects(context: CreateDependenciesContext): PythonProject[] {
  const { normalizeDistributionName, pluginWorkspace, pythonPackages } = core();
  const { toolDeclared } = manifestAnalysis();
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
    return project.get(core().pyproject);
  } catch {
    return undefined;
  }
}

/** The requirements pyproject.toml declares; none when one of its lists is malformed (the audit reports it; the graph goes on without it). */
function declaredIn(manifest: ManifestText<PyProject>) {
  try {
    return manifestAnalysis().pythonDeclared(manifest.data, manifest.path, manifest.text);
  } catch {
    return [];
  }
}

/** Whether Nx asks about some .py file of the project (all of them on a first computation, the changed ones after). */
function changedPythonFiles(context: CreateDependenciesContext, project: string): boolean {
  return (context.filesToProcess.projectFileMap[project] ?? []).some((f) => f.file.endsWith('.py'));
}

/** The content hash of every .py file of the workspace, as Nx gives them, by workspace-relative path. */
function pythonFileHashes(context: CreateDependenciesContext): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const files of Object.values(context.fileMap.projectFileMap)) {
    for (const f of files) if (f.file.endsWith('.py')) hashes.set(f.file, f.hash);
  }
  return hashes;
}

/**
 * The top-level modules each .py file of each project imports absolutely, by workspace-relative path: from the
 * cache for a project whose files are all in it; the other projects are parsed together in one Python process
 * (core's batched analysis), and their files cached. Without a usable Python, only the cached files.
 */
async function importsOf(projects: ShipshapeProject[], cache: PythonImportsCache, hashes: Map<string, string>) {
  const { pythonAnalysis, pythonFiles, ShipshapeWorkspace } = core();
  const imports = new Map<ShipshapeProject, Record<string, string[]>>();
  const missing: ShipshapeProject[] = [];
  for (const project of projects) {
    const files = project.get(pythonFiles);
    for (const file of files) {
      if (!hashes.has(file)) {
        const hash = contentHash({ path: join(project.workspace.root, file) });
        if (hash) hashes.set(file, hash);
      }
    }
    const cached = files.flatMap((file) => {
      const modules = cache.get(hashes.get(file));
      return modules ? [[file, modules] as const] : [];
    });
    imports.set(project, Object.fromEntries(cached));
    if (cached.length < files.length) missing.push(project);
  }
  if (missing.length === 0) return imports;
  const { source, options, givenGraph } = missing[0].workspace;
  const batch = missing.map((p) => ({ name: p.name, root: p.root, tags: p.tags }));
  const scan = new ShipshapeWorkspace({ source, options, graph: givenGraph, batch });
  for (const [index, project] of missing.entries()) {
    let analysis: PythonAnalysis;
    try {
      analysis = await scan.project(batch[index]).get(pythonAnalysis);
    } catch {
      return imports; // no usable Python: the pyproject.toml edges and the files already cached are all the graph gets
    }
    const modulesOf = Object.entries(analysis.files).map(([file, result]) => {
      const modules = [...new Set(result.imports.filter((i) => i.level === 0).map((i) => i.module.split('.')[0]))].sort();
      const hash = hashes.get(file);
      if (hash && result.error === null) cache.set(hash, modules);
      return [file, modules] as const;
    });
    imports.set(project, Object.fromEntries(modulesOf));
  }
  return imports;
}
