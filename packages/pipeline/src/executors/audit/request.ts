import type { ProjectGraph } from '@nx/devkit';
import { DEFAULTS, errorMessage, fromNxGraph, isShipshapeError, type AuditProjectRequest } from '@shipshape/core/audit-client';
import type { AuditExecutorSchema } from './schema';

/** The engine's request for one project's audit target, as Nx gives it (its options, the project graph). */
export function auditRequest(
  workspaceRoot: string,
  project: { name: string; root: string; tags?: string[] },
  options: AuditExecutorSchema,
  targetName: string | undefined,
  graph: ProjectGraph | undefined,
): AuditProjectRequest {
  const { updateBaseline, ...given } = options;
  // Nx adds its own bookkeeping to the options (`__overrides_unparsed__` in batch mode): not the user's options.
  const shipshapeOptions = Object.fromEntries(Object.entries(given).filter(([key]) => !key.startsWith('__')));
  return {
    workspaceRoot,
    projectName: project.name,
    projectRoot: project.root,
    options: shipshapeOptions,
    optionsSource: `the ${targetName ?? DEFAULTS.targetName} options of ${project.name} (nx.json plugin options or the project's target options)`,
    updateBaseline,
    tags: project.tags,
    graph: graph ? fromNxGraph(graph) : undefined,
  };
}

/** The one line an audit that could not run prints: the user's problem as it is, or Shipshape's with its message. */
export function failureLine(error: unknown): string {
  return isShipshapeError(error) ? `Shipshape: ${error.message}` : `Shipshape audit failed: ${errorMessage(error)}`;
}
