import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CreateNodesResult, CreateNodesV2, TargetConfiguration } from '@nx/devkit';
import { nodesFromFiles } from '@shipshape/core/plugin';
import { docsTarget } from '../docs/target';
import { apiReportTarget } from '../report/target';

/** Registered by its own entry so that Nx's plugin worker loads the target inference only, not the checks. */
export const PLUGIN_NAME = '@shipshape/api/plugin';

/** Options of the api plugin in nx.json. */
export interface ApiPluginOptions {
  /** Name of the inferred API report target; default "api". */
  apiTargetName?: string;
  /** Name of the inferred docs target; default "docs". */
  docsTargetName?: string;
}

const MANIFESTS = '**/{package.json,pyproject.toml}';

/**
 * Infers, for every library project with a package.json or a pyproject.toml (not the workspace root), the
 * cached `api` target (the committed API reports match the code) and the cached `docs` target (the docs build
 * with warnings as errors). A target is left out where its tool has nothing to work on (see each target).
 */
export const createNodes: CreateNodesV2<ApiPluginOptions> = [
  MANIFESTS,
  async (files, options, context) =>
    nodesFromFiles(
      (file, opts, ctx) => nodesFor(file, opts ?? {}, ctx.workspaceRoot),
      files.filter((file) => dirname(file) !== '.' && !file.includes('node_modules/')),
      options ?? {},
      context,
    ),
];

export const createNodesV2 = createNodes;

function nodesFor(file: string, options: ApiPluginOptions, workspaceRoot: string): CreateNodesResult {
  const root = dirname(file);
  const language = file.endsWith('pyproject.toml') ? 'python' : 'typescript';
  // a folder with both manifests is one project: infer from package.json only
  if (language === 'python' && existsSync(join(workspaceRoot, root, 'package.json'))) return {};
  const targets: Record<string, TargetConfiguration> = {};
  const api = apiReportTarget(root, language, workspaceRoot);
  if (api) targets[options.apiTargetName ?? 'api'] = api;
  const docs = docsTarget(root, language, workspaceRoot);
  if (docs) targets[options.docsTargetName ?? 'docs'] = docs;
  return Object.keys(targets).length ? { projects: { [root]: { targets } } } : {};
}
