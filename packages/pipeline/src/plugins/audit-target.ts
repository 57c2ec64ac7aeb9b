import type { TargetConfiguration } from '@nx/devkit';
import type { ShipshapeOptions } from '@shipshape/core/plugin';
import { installedVersionsInput } from './installed-versions';
import { pythonKeyScript } from './python-key-script';

export const AUDIT_EXECUTOR = '@shipshape/pipeline:audit';

/**
 * Prints the Python interpreter a Python project's audit uses and a digest of its distributions; see print-python.ts.
 * Elsewhere than on Windows, the shell script Node leaves beside its cache answers first while nothing changed (see
 * python-key-script.ts).
 */
export function pythonInput(python: string | undefined, platform: NodeJS.Platform = process.platform): string {
  const node = `node -e "require('@shipshape/pipeline/print-python')"${python ? ` ${JSON.stringify(python)}` : ''}`;
  return platform === 'win32' ? node : `sh ${pythonKeyScript(python)} 2>/dev/null || ${node}`;
}

/**
 * Workspace files that checks read besides the project's own: path aliases, the root manifest, the lock file (what
 * is installed), the root ESLint flat config (the module boundary rule).
 */
const WORKSPACE_INPUTS = [
  '{workspaceRoot}/.gitignore',
  '{workspaceRoot}/tsconfig.base.json',
  '{workspaceRoot}/package.json',
  '{workspaceRoot}/package-lock.json',
  '{workspaceRoot}/{pnpm-lock.yaml,yarn.lock,bun.lock}',
  '{workspaceRoot}/eslint.config.{js,mjs,cjs,ts,mts,cts}',
];

/**
 * The inferred audit target: cached, with the project's files as inputs and its report folder as output.
 * Checks that look into the projects this one depends on (deep imports) are covered by `^default` when the
 * workspace defines that named input; those that look at how its dependents import it, by the files of the
 * projects that declare it (`dependents`, see declared-dependents.ts).
 */
export function auditTarget(
  options: ShipshapeOptions,
  reportsDir: string,
  namedInputs: Record<string, unknown> = {},
  python: { project: boolean; interpreter?: string } = { project: false },
  dependents: readonly string[] = [],
): TargetConfiguration {
  const { targetName: _targetName, ...executorOptions } = options;
  const dependencies: NonNullable<TargetConfiguration['inputs']> = 'default' in namedInputs ? ['^default'] : [];
  if (dependents.length > 0) dependencies.push({ input: 'default', projects: [...dependents] });
  const interpreter = python.project ? [{ runtime: pythonInput(python.interpreter) }] : [];
  return {
    executor: AUDIT_EXECUTOR,
    cache: true,
    inputs: [
      '{projectRoot}/**/*',
      ...dependencies,
      ...WORKSPACE_INPUTS,
      { runtime: installedVersionsInput() },
      ...interpreter,
      { env: 'SHIPSHAPE_PYTHON' },
    ],
    outputs: [`{workspaceRoot}/${reportsDir}`],
    options: executorOptions,
    metadata: {
      description: 'Run the Shipshape checks of the installed phase packages and gate on new findings.',
      technologies: ['shipshape'],
    },
  };
}
