import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createNodesFromFiles, type CreateNodesContextV2, type CreateNodesResult, type CreateNodesV2 } from '@nx/devkit';
import { pythonProjectName, resolveOptions, type ShipshapeOptions } from '@shipshape/core';
import { auditTarget } from './audit-target';
import { statusProject } from './status-target';

export const PLUGIN_NAME = '@shipshape/pipeline';
const MANIFESTS = '**/{package.json,pyproject.toml}';

const cache = new Map<string, CreateNodesResult>();

/**
 * Infers the audit target for every library project: TS/JS projects by their package.json, Python projects
 * by their pyproject.toml (a Python project needs no project.json or other Python plugin to be seen).
 */
export const createNodes: CreateNodesV2<ShipshapeOptions> = [
  MANIFESTS,
  async (files, options, context) => {
    const resolved = resolveOptions(options, `nx.json (plugin "${PLUGIN_NAME}" options)`);
    const pickOne = uniqueProjectFiles(files);
    return createNodesFromFiles((file, _opts, ctx) => nodesFor(file, resolved, ctx), pickOne, options ?? {}, context);
  },
];

export const createNodesV2 = createNodes;

/** A folder with both manifests is one project; keep one file per folder. */
function uniqueProjectFiles(files: readonly string[]): string[] {
  const byDir = new Map<string, string>();
  for (const file of files) {
    const dir = dirname(file);
    if (file.includes('node_modules/') || (dir === '.' && file !== 'package.json')) continue;
    if (!byDir.has(dir) || file.endsWith('package.json')) byDir.set(dir, file);
  }
  return [...byDir.values()].sort();
}

function nodesFor(file: string, options: ReturnType<typeof resolveOptions>, context: CreateNodesContextV2): CreateNodesResult {
  const root = dirname(file);
  if (root === '.') return { projects: { '.': statusProject(options) } };
  const absManifest = join(context.workspaceRoot, file);
  const content = readFileSync(absManifest, 'utf8');
  const key = JSON.stringify([file, options, content, context.nxJsonConfiguration?.namedInputs ?? null]);
  const cached = cache.get(key);
  if (cached) return cached;

  const reportsDir = options.reportsDir.replace('{projectRoot}', root);
  const { targetName, statusTargetName: _status, ...rest } = options;
  const project: Record<string, unknown> = {
    targets: { [targetName]: auditTarget(definedOnly(rest), reportsDir, context.nxJsonConfiguration?.namedInputs) },
  };
  if (file.endsWith('pyproject.toml') && !hasOtherProjectFile(context.workspaceRoot, root)) {
    project.name = pythonProjectName(content, root);
    project.projectType = 'library';
  }
  const result: CreateNodesResult = { projects: { [root]: project } };
  cache.set(key, result);
  return result;
}

function definedOnly(options: Record<string, unknown>): ShipshapeOptions {
  const defaults = resolveOptions({}, 'defaults');
  return Object.fromEntries(
    Object.entries(options).filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify((defaults as Record<string, unknown>)[k])),
  ) as ShipshapeOptions;
}

function hasOtherProjectFile(workspaceRoot: string, root: string): boolean {
  return ['project.json', 'package.json'].some((name) => existsSync(join(workspaceRoot, root, name)));
}
