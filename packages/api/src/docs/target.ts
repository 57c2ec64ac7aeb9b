import type { TargetConfiguration } from '@nx/devkit';

/** The inferred `docs` target of a project, or undefined when it has no docs set up. */
export function docsTarget(_root: string, _language: 'typescript' | 'python', _workspaceRoot: string): TargetConfiguration | undefined {
  return undefined;
}
