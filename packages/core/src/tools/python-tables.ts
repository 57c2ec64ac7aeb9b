import { locateToml } from '../manifest';
import type { ShipshapeProject } from '../facts/shipshape-project';
import { pyproject } from '../facts/project/manifests';
import type { DeclaredReference, Place } from './tool';
import { parseRequirement } from '../manifest/python-requirement';

/** Where an entry of the project's pyproject.toml is written; the file as a whole when it cannot be found. */
export function pyprojectPlaces(project: ShipshapeProject): (path: string[]) => Place {
  const manifest = project.get(pyproject);
  return (path) => {
    const at = manifest ? locateToml(manifest.text, path) : undefined;
    return { file: manifest?.path ?? project.file('pyproject.toml'), line: at?.line ?? 0, column: at?.column ?? 0 };
  };
}

/** PEP 508 requirement strings of a list, as declarations of `group`. */
export function requirementList(
  list: unknown,
  group: DeclaredReference['group'],
  section: string,
  path: string[],
  place: (path: string[]) => Place,
): DeclaredReference[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index) => {
    if (typeof entry !== 'string') return [];
    const requirement = parseRequirement(entry);
    const entryPath = [...path, String(index)];
    return requirement ? [{ name: requirement.name, spec: entry, group, section, path: entryPath, ...place(entryPath) }] : [];
  });
}
