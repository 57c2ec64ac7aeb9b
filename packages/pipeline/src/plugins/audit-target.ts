import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetConfiguration } from '@nx/devkit';
import type { ShipshapeOptions } from '@shipshape/core';

export const AUDIT_EXECUTOR = '@shipshape/pipeline:audit';

/** The inferred audit target: cached, with the project's files as inputs and its report folder as output. */
export function auditTarget(workspaceRoot: string, options: ShipshapeOptions, reportsDir: string): TargetConfiguration {
  const { targetName: _targetName, ...executorOptions } = options;
  const inputs: TargetConfiguration['inputs'] = ['{projectRoot}/**/*', '{workspaceRoot}/.gitignore'];
  const installed = installedShipshapePackages(workspaceRoot);
  if (installed.length > 0) inputs.push({ externalDependencies: installed });
  return {
    executor: AUDIT_EXECUTOR,
    cache: true,
    inputs,
    outputs: [`{workspaceRoot}/${reportsDir}`],
    options: executorOptions,
    metadata: {
      description: 'Run the Shipshape checks of the installed phase packages and gate on new findings.',
      technologies: ['shipshape'],
      help: { command: 'npx nx g @shipshape/pipeline:init --help', example: { options: { failOn: 'warning' } } },
    },
  };
}

/**
 * Installed (not workspace-linked) @shipshape packages: a new version of a check package must invalidate
 * the cached audits. Linked packages are workspace projects, which Nx does not accept as external inputs.
 */
function installedShipshapePackages(workspaceRoot: string): string[] {
  const scope = join(workspaceRoot, 'node_modules', '@shipshape');
  if (!existsSync(scope)) return [];
  return readdirSync(scope)
    .filter((name) => !lstatSync(join(scope, name)).isSymbolicLink())
    .map((name) => `@shipshape/${name}`)
    .sort();
}
