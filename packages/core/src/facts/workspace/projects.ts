import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
// the parsers' own modules, not the manifest index: the Nx plugin reads a pyproject.toml's name without loading YAML
import { parseJson } from '../../manifest/json';
import { parseToml } from '../../manifest/toml';
import { ShipshapeError, errorMessage } from '../../util/errors';
import type { Tree } from '@nx/devkit';
import type { FileSource } from '../../file-system/file-source';
import { devkit } from '../../nx/devkit';
import { defineWorkspaceFact } from '../fact';
import type { WorkspaceGraph, WorkspaceProject } from '../workspace-graph';
import { fromNxGraph, type NxGraphFile } from './nx-graph';

/**
 * The project graph Nx last computed for this workspace (`.nx/workspace-data/project-graph.json`, or under
 * NX_WORKSPACE_DATA_DIRECTORY). Nx writes it before it runs any task, so an audit run by Nx finds it.
 */
export function readNxGraphFile(workspaceRoot: string): WorkspaceGraph | undefined {
  const dataDir = process.env.NX_WORKSPACE_DATA_DIRECTORY ?? join(workspaceRoot, '.nx', 'workspace-data');
  const file = join(isAbsolute(dataDir) ? dataDir : join(workspaceRoot, dataDir), 'project-graph.json');
  if (!existsSync(file)) return undefined;
  let graph: NxGraphFile;
  try {
    graph = JSON.parse(readFileSync(file, 'utf8')) as NxGraphFile;
  } catch {
    return undefined;
  }
  return fromNxGraph(graph);
}

/** The projects a generator's Tree has: Nx's configured projects, plus Python projects that only the Shipshape plugin infers. */
export function treeProjects(tree: Tree): WorkspaceProject[] {
  const { getProjects, glob } = devkit();
  const byRoot = new Map<string, WorkspaceProject>();
  let configured: ReturnType<typeof getProjects>;
  try {
    configured = getProjects(tree);
  } catch (error) {
    throw new ShipshapeError(errorMessage(error)); // Nx names the malformed project file
  }
  for (const [name, config] of configured) byRoot.set(config.root, { name, root: config.root, tags: config.tags ?? [] });
  for (const file of glob(tree, ['**/pyproject.toml'])) {
    const root = posix.dirname(file);
    if (root === '.' || byRoot.has(root) || file.includes('node_modules/')) continue;
    byRoot.set(root, { name: pythonProjectName(tree.read(file, 'utf-8') ?? '', root), root, tags: [] });
  }
  return [...byRoot.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The name Nx knows a pyproject.toml-only project by: its distribution name, else its folder. */
export function pythonProjectName(pyprojectText: string, root: string): string {
  return pyprojectDistributionName(pyprojectText, root) ?? posix.basename(root);
}

/** `[project] name` of a pyproject.toml; undefined when it has none or does not parse (the metadata check reports it). */
export function pyprojectDistributionName(pyprojectText: string, root: string): string | undefined {
  try {
    const name = parseToml<{ project?: { name?: unknown } }>(pyprojectText, root).project?.name;
    if (typeof name === 'string' && name) return name;
  } catch {
    // malformed
  }
  return undefined;
}

const MARKERS = ['project.json', 'package.json', 'pyproject.toml'];
const NOT_PROJECTS = new Set(['node_modules', 'dist', 'build', 'coverage', 'tmp', '__pycache__']);

/** Without Nx (a script, a unit test): every folder up to four levels deep with a project.json, package.json or pyproject.toml. */
export function scanProjects(source: FileSource): WorkspaceProject[] {
  const projects: WorkspaceProject[] = [];
  const walk = (dir: string, depth: number) => {
    const entries = source.children(dir);
    if (dir !== '' && MARKERS.some((m) => entries.includes(m))) projects.push({ name: scannedName(source, dir), root: dir, tags: [] });
    if (depth === 4) return;
    for (const entry of entries) {
      if (!entry.startsWith('.') && !NOT_PROJECTS.has(entry) && !entry.includes('.'))
        walk(dir === '' ? entry : `${dir}/${entry}`, depth + 1);
    }
  };
  walk('', 0);
  return projects;
}

function scannedName(source: FileSource, dir: string): string {
  const readers: Array<[string, (text: string, file: string) => unknown]> = [
    ['project.json', (text, file) => parseJson<{ name?: unknown }>(text, file).name],
    ['package.json', (text, file) => parseJson<{ name?: unknown }>(text, file).name],
    ['pyproject.toml', (text, file) => parseToml<{ project?: { name?: unknown } }>(text, file).project?.name],
  ];
  for (const [name, read] of readers) {
    const text = source.read(`${dir}/${name}`);
    if (text === undefined) continue;
    try {
      const found = read(text, `${dir}/${name}`);
      if (typeof found === 'string' && found) return found;
    } catch {
      // a malformed manifest: named after its folder
    }
  }
  return posix.basename(dir);
}

/**
 * The workspace's projects and, when Nx computed them, the edges between them: what the caller gave (an
 * executor's project graph), else the Tree's projects (a generator), else Nx's cached graph, else the folders.
 */
export const workspaceGraph = defineWorkspaceFact({
  id: 'workspace/graph',
  compute: (workspace): WorkspaceGraph & { from: 'given' | 'tree' | 'nx-cache' | 'folders' } => {
    if (workspace.givenGraph) return { ...workspace.givenGraph, from: 'given' };
    const cached = readNxGraphFile(workspace.root);
    if (workspace.source.kind === 'tree' && workspace.tree)
      return { projects: treeProjects(workspace.tree), dependencies: cached?.dependencies, from: 'tree' };
    if (cached) return { ...cached, from: 'nx-cache' };
    return { projects: scanProjects(workspace.source), from: 'folders' };
  },
});
