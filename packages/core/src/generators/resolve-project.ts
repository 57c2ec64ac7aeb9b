import { ShipshapeError } from '../util/errors';
import type { WorkspaceProject } from '../facts/workspace-graph';

/**
 * The project a user named, as `nx run` finds it: its exact name, else the one project whose name ends with
 * `/<name>` (`my-lib` for `@ws/my-lib`) or whose root folder is named so. Anything else is one error that
 * lists the projects there are.
 */
export function resolveProject(projects: readonly WorkspaceProject[], name: string | undefined, option = '--project'): WorkspaceProject {
  const known =
    projects
      .map((p) => p.name)
      .sort()
      .join(', ') || 'none';
  if (!name) throw new ShipshapeError(`${option} is required; projects: ${known}`);
  const exact = projects.find((p) => p.name === name);
  if (exact) return exact;
  const short = projects.filter((p) => p.name.endsWith(`/${name}`) || p.root.split('/').pop() === name);
  if (short.length === 1) return short[0];
  if (short.length > 1)
    throw new ShipshapeError(`"${name}" could be any of ${short.map((p) => p.name).join(', ')}: name one of them with ${option}`);
  throw new ShipshapeError(`there is no project "${name}" in this workspace; projects: ${known}`);
}
