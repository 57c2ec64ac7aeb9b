import type { TargetConfiguration } from '@nx/devkit';
import type { ShipshapeOptions } from '@shipshape/core';

export const AUDIT_EXECUTOR = '@shipshape/pipeline:audit';

/** Prints the installed @shipshape packages with their versions; see print-versions.ts. */
const INSTALLED_VERSIONS = `node -e "require('@shipshape/pipeline/print-versions')"`;

/** Workspace files that checks read besides the project's own: path aliases, the root manifest and lock file. */
const WORKSPACE_INPUTS = [
  '{workspaceRoot}/.gitignore',
  '{workspaceRoot}/tsconfig.base.json',
  '{workspaceRoot}/package.json',
  '{workspaceRoot}/package-lock.json',
];

/**
 * The inferred audit target: cached, with the project's files as inputs and its report folder as output.
 * Checks that look into the projects this one depends on (deep imports) are covered by `^default` when the
 * workspace defines that named input.
 */
export function auditTarget(options: ShipshapeOptions, reportsDir: string, namedInputs: Record<string, unknown> = {}): TargetConfiguration {
  const { targetName: _targetName, ...executorOptions } = options;
  const dependencies = 'default' in namedInputs ? ['^default'] : [];
  return {
    executor: AUDIT_EXECUTOR,
    cache: true,
    inputs: ['{projectRoot}/**/*', ...dependencies, ...WORKSPACE_INPUTS, { runtime: INSTALLED_VERSIONS }, { env: 'SHIPSHAPE_PYTHON' }],
    outputs: [`{workspaceRoot}/${reportsDir}`],
    options: executorOptions,
    metadata: {
      description: 'Run the Shipshape checks of the installed phase packages and gate on new findings.',
      technologies: ['shipshape'],
    },
  };
}
