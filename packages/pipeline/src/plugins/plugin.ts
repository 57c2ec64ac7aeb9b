import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CreateNodesContextV2, CreateNodesResult, CreateNodesV2 } from '@nx/devkit';
// Core's light entry: Nx starts a plugin worker, which loads this file, for every graph computation.
import {
  DEFAULTS,
  discoverOptionSections,
  nodesFromFiles,
  PIPELINE_PLUGIN,
  resolveOptions,
  type ResolvedOptions,
  type ShipshapeOptions,
} from '@shipshape/core/plugin';
import { auditTarget } from './audit-target';
import { hostedNodes, mergeNodes } from './hosted-plugins';
import { auditedManifests } from './project-roots';
import { statusProject } from './status-target';

export const PLUGIN_NAME = PIPELINE_PLUGIN;
const MANIFESTS = '**/{package.json,pyproject.toml,project.json}';

/**
 * Infers the audit target for the workspace's projects (see `auditedManifests`): a Python project is seen by
 * its pyproject.toml alone, without a project.json or another Python plugin. Also runs the phase packages' plugins
 * that nx.json does not register themselves (see hosted-plugins.ts).
 */
export const createNodes: CreateNodesV2<ShipshapeOptions> = [
  MANIFESTS,
  async (files, options, context) => {
    const resolved = resolveOptions(options, `nx.json (plugin "${PLUGIN_NAME}" options)`, discoverOptionSections(context.workspaceRoot));
    const audited = nodesFromFiles(
      (file, _opts, ctx) => nodesFor(file, options ?? {}, resolved, ctx),
      auditedManifests(files, resolved, context.workspaceRoot),
      options ?? {},
      context,
    );
    return mergeNodes(audited, await hostedNodes(files, context));
  },
];

export { createDependencies } from './hosted-plugins';

export const createNodesV2 = createNodes;

function nodesFor(file: string, given: ShipshapeOptions, options: ResolvedOptions, context: CreateNodesContextV2): CreateNodesResult {
  const root = dirname(file);
  if (root === '.') return { projects: { '.': statusProject(options) } };
  const reportsDir = options.reportsDir.replace('{projectRoot}', root);
  const python = { project: existsSync(join(context.workspaceRoot, root, 'pyproject.toml')), interpreter: options.python };
  const project: Record<string, unknown> = {
    targets: { [options.targetName]: auditTarget(executorOptions(given), reportsDir, context.nxJsonConfiguration?.namedInputs, python) },
  };
  if (file.endsWith('pyproject.toml') && !hasOtherProjectFile(context.workspaceRoot, root)) {
    project.name = manifests().pythonProjectName(readFileSync(join(context.workspaceRoot, file), 'utf8'), root);
    project.projectType = 'library';
  }
  return { projects: { [root]: project } };
}

/** The options the audit executor is given: what the user set, minus the target names and what equals a default. */
function executorOptions(given: ShipshapeOptions): ShipshapeOptions {
  const { targetName: _target, statusTargetName: _status, projects: _projects, ...rest } = given;
  return Object.fromEntries(
    Object.entries(rest).filter(
      ([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify((DEFAULTS as Record<string, unknown>)[key]),
    ),
  );
}

function hasOtherProjectFile(workspaceRoot: string, root: string): boolean {
  return ['project.json', 'package.json'].some((name) => existsSync(join(workspaceRoot, root, name)));
}

/** Core's manifest readers (its TOML parser), loaded for the first Python project that has no other manifest. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
const manifests = () => require('@shipshape/core/plugin-manifests') as typeof import('@shipshape/core/plugin-manifests');
