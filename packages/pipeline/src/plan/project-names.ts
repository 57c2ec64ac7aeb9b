import { ShipshapeError, isShipshapeError, resolveProject, type WorkspaceProject } from '@shipshape/core';

/**
 * A list option as Nx gives it: an array from Nx Console's multi-select or from `--projects=a,b` (which Nx
 * splits for an array option), or a comma-separated string from a call in code.
 */
export function optionList(value: string | readonly string[] | undefined): string[] {
  return (typeof value === 'string' ? [value] : (value ?? []))
    .flatMap((entry) => String(entry).split(','))
    .map((name) => name.trim())
    .filter(Boolean);
}

/**
 * The projects a user named, as `nx run` finds them (`my-lib` for `@ws/my-lib` when only one project is
 * named so). Every name that is no project, or could be several, is said in one error: an ambiguous name
 * with the projects it could be, unknown ones with the projects there are.
 */
export function resolveProjects(known: readonly WorkspaceProject[], names: readonly string[], option: string): string[] {
  const resolved: string[] = [];
  const ambiguous: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    try {
      resolved.push(resolveProject(known, name, option).name);
    } catch (error) {
      if (!isShipshapeError(error)) throw error;
      if (error.message.includes('could be any of')) ambiguous.push(error.message);
      else unknown.push(`"${name}"`);
    }
  }
  const problems = [...ambiguous];
  if (unknown.length > 0) {
    const projects = known.map((p) => p.name).sort();
    problems.push(
      `${option} names ${unknown.join(', ')}, which ${unknown.length > 1 ? 'are not projects' : 'is not a project'} of this workspace; known projects: ${projects.join(', ') || 'none'}`,
    );
  }
  if (problems.length > 0) throw new ShipshapeError(problems.join('; '));
  return [...new Set(resolved)];
}
