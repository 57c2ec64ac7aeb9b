import type { TargetConfiguration } from '@nx/devkit';

/** The inferred `api` target of a project, or undefined when it has no public entry to report. */
export function apiReportTarget(_root: string, _language: 'typescript' | 'python', _workspaceRoot: string): TargetConfiguration | undefined {
  return undefined;
}
