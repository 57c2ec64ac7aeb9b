import type { TargetConfiguration } from '@nx/devkit';
import type { ShipshapeOptions } from '@shipshape/core';

export const AUDIT_EXECUTOR = '@shipshape/pipeline:audit';

/** Prints the installed @shipshape packages with their versions; see print-versions.ts. */
const INSTALLED_VERSIONS = `node -e "require('@shipshape/pipeline/print-versions')"`;

/** The inferred audit target: cached, with the project's files as inputs and its report folder as output. */
export function auditTarget(options: ShipshapeOptions, reportsDir: string): TargetConfiguration {
  const { targetName: _targetName, ...executorOptions } = options;
  return {
    executor: AUDIT_EXECUTOR,
    cache: true,
    inputs: ['{projectRoot}/**/*', '{workspaceRoot}/.gitignore', { runtime: INSTALLED_VERSIONS }, { env: 'SHIPSHAPE_PYTHON' }],
    outputs: [`{workspaceRoot}/${reportsDir}`],
    options: executorOptions,
    metadata: {
      description: 'Run the Shipshape checks of the installed phase packages and gate on new findings.',
      technologies: ['shipshape'],
    },
  };
}
