import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DependencyType, type CreateDependencies, type CreateDependenciesContext, type RawProjectGraphDependency } from '@nx/devkit';
import { analyzePython, normalizeDistributionName, parseToml, type PyProject, type PythonImport } from '@shipshape/core';
import { listDir } from '../analysis/fs';
import { pythonDeclared } from '../analysis/python/manifest';
import { pythonImportNames } from '../analysis/python/packages';

interface PythonProject {
  name: string;
  root: string;
  distribution?: string;
  modules: Set<string>;
  declared: string[];
}

/** Imports of a file, by its content hash: the Nx daemon keeps this across graph computations. */
const importsByHash = new Map<string, PythonImport[]>();

/**
 * Python projects' dependencies on other Python projects of the workspace, for Nx's project graph: from
 * the requirements in pyproject.toml (the edge's file is pyproject.toml) and from the imports of their
 * .py files (one `ast` pass for all changed files; without Python, only the pyproject.toml edges).
 */
export const createDependencies: CreateDependencies = async (_options, context) => {
  const projects = pythonProjects(context);
  if (projects.length < 2) return [];
  const byDistribution = new Map(projects.filter((p) => p.distribution).map((p) => [p.distribution!, p]));
  const byModule = new Map(projects.flatMap((p) => [...p.modules].map((m) => [m, p] as const)));
  const edges = new Map<string, RawProjectGraphDependency>();
  const add = (source: PythonProject, target: PythonProject | undefined, sourceFile: string) => {
    if (!target || target === source) return;
    const key = `${source.name}\u0000${target.name}\u0000${sourceFile}`;
    if (!edges.has(key)) edges.set(key, { source: source.name, target: target.name, sourceFile, type: DependencyType.static });
  };
  for (const project of projects) {
    for (const declared of project.declared) add(project, byDistribution.get(declared), join(project.root, 'pyproject.toml').split('\\').join('/'));
  }
  const imports = await importsOf(context, projects);
  for (const project of projects) {
    for (const [file, found] of imports.get(project.name) ?? []) {
      for (const imported of found) if (imported.level === 0) add(project, byModule.get(imported.module.split('.')[0]), file);
    }
  }
  return [...edges.values()];
};

function pythonProjects(context: CreateDependenciesContext): PythonProject[] {
  const found: PythonProject[] = [];
  for (const [name, config] of Object.entries(context.projects)) {
    const root = config.root;
    if (!root || root === '.') continue;
    const manifest = join(context.workspaceRoot, root, 'pyproject.toml');
    if (!existsSync(manifest)) continue;
    let pyproject: PyProject;
    try {
      pyproject = parseToml<PyProject>(readFileSync(manifest, 'utf8'), manifest);
    } catch {
      continue; // the audit reports a malformed pyproject.toml; the graph goes on without it
    }
    const disk = { listDir: (path: string) => listDir(join(context.workspaceRoot, path)), isFile: (path: string) => existsSync(join(context.workspaceRoot, path)) };
    const distribution = typeof pyproject.project?.name === 'string' ? normalizeDistributionName(pyproject.project.name) : undefined;
    const declared = pythonDeclared(pyproject, 'pyproject.toml').map((d) => normalizeDistributionName(d.name));
    found.push({ name, root, distribution, modules: pythonImportNames(disk, root, pyproject), declared });
  }
  return found;
}

/** Per project, the imports of each of its .py files; files whose hash was seen before are not parsed again. */
async function importsOf(context: CreateDependenciesContext, projects: PythonProject[]): Promise<Map<string, Array<[string, PythonImport[]]>>> {
  const files = projects.flatMap((p) => (context.fileMap.projectFileMap[p.name] ?? []).filter((f) => f.file.endsWith('.py')).map((f) => ({ project: p.name, ...f })));
  const unseen = files.filter((f) => !importsByHash.has(f.hash));
  if (unseen.length > 0) {
    try {
      const analysis = await analyzePython(
        unseen.map((f) => join(context.workspaceRoot, f.file)),
        { cwd: context.workspaceRoot },
      );
      for (const f of unseen) importsByHash.set(f.hash, analysis.files[join(context.workspaceRoot, f.file)]?.imports ?? []);
    } catch {
      // no usable Python: the pyproject.toml edges are all the graph gets
    }
  }
  const result = new Map<string, Array<[string, PythonImport[]]>>();
  for (const f of files) {
    const imports = importsByHash.get(f.hash);
    if (imports) result.set(f.project, [...(result.get(f.project) ?? []), [f.file, imports]]);
  }
  return result;
}
