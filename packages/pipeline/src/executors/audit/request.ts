import type { ProjectGraph } from '@nx/devkit';
import { DEFAULTS, errorMessage, fromNxGraph, isShipshapeError, type AuditProjectRequest } from '@shipshape/core/audit-client';
import type { AuditExecutorSchema } from './schema';

type WorkspaceGraph = NonNullable<AuditProjectRequest['graph']>;

/**
 * Nx's graph as the engine reads it, converted once per graph: a batch's requests then share one object, which the
 * audit service is sent once and a thread is given once, instead of a copy per project.
 */
const converted = new WeakMap<ProjectGraph, WorkspaceGraph>();
function workspaceGraph(graph: ProjectGraph): WorkspaceGraph {
  let found = converted.get(graph);
  if (!found) converted.set(graph, (found = fromNxGraph(graph)));
  return found;
}

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
    graph: graph ? workspaceGraph(graph) : undefined,
  };
}

/** The one line an audit that could not run prints: the user's problem as it is, or Shipshape's with its message. */
export function failureLine(error: unknown): string {
  return isShipshapeError(error) ? `Shipshape: ${error.message}` : `Shipshape audit failed: ${errorMessage(error)}`;
}
