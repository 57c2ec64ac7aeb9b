import { existsSync } from 'node:fs';
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
import { declaredDependents } from './declared-dependents';
import { hostedNodes, mergeNodes } from './hosted-plugins';
import { auditedManifests, projectManifests, workspaceGlobs } from './project-roots';
import { PyprojectNames } from './pyproject-names';
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
    const names = new PyprojectNames(context.workspaceRoot);
    const globs = workspaceGlobs(context.workspaceRoot);
    const dependents = declaredDependents(projectManifests(files, globs), context.workspaceRoot);
    const audited = nodesFromFiles(
      (file, _opts, ctx) => nodesFor(file, options ?? {}, resolved, ctx, names, dependents),
      auditedManifests(files, resolved, globs),
      options ?? {},
      context,
    );
    names.save();
    return mergeNodes(audited, await hostedNodes(files, context));
  },
];

export { createDependencies } from './hosted-plugins';

export const createNodesV2 = createNodes;

function nodesFor(
  file: string,
  given: ShipshapeOptions,
  options: ResolvedOptions,
  context: CreateNodesContextV2,
  names: PyprojectNames,
  dependents: ReadonlyMap<string, readonly string[]>,
): CreateNodesResult {
  const root = dirname(file);
  if (root === '.') return { projects: { '.': statusProject(options) } };
  const reportsDir = options.reportsDir.replace('{projectRoot}', root);
  const python = { project: existsSync(join(context.workspaceRoot, root, 'pyproject.toml')), interpreter: options.python };
  const project: Record<string, unknown> = {
    targets: {
      [options.targetName]: auditTarget(
        executorOptions(given),
        reportsDir,
        context.nxJsonConfiguration?.namedInputs,
        python,
        dependents.get(root),
      ),
    },
  };
  if (file.endsWith('pyproject.toml') && !hasOtherProjectFile(context.workspaceRoot, root)) {
    project.name = names.nameOf(file, root);
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
