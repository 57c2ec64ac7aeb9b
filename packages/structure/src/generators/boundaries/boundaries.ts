import {
  defineFixGenerator,
  editJson,
  packageJson,
  pyproject,
  ShipshapeError,
  type FixResult,
  type JsonEdit,
  type ShipshapeProject,
} from '@shipshape/core';
import type { Tree } from '@nx/devkit';
import { planDepConstraint } from './dep-constraints';
import { exportsMapFor } from './exports-map';
import { internalPackages } from './python-internal';
import type { BoundariesGeneratorSchema } from './schema';

/** The package.json edit that exposes only the entry points, when the package has no exports map yet. */
function exportsMapEdit(project: ShipshapeProject, done: string[], left: string[]): JsonEdit[] {
  const manifest = project.get(packageJson);
  if (!manifest || manifest.data.exports !== undefined) return [];
  const map = exportsMapFor(project, manifest.data);
  if (!map) {
    left.push(`${manifest.path} declares no entry point (main, module, types) and there is no src/index.ts: no exports map written`);
    return [];
  }
  done.push(
    `${manifest.path}: "exports" exposes ${Object.keys(map).join(', ')}; imports of any other file of the package now fail outside the workspace's path aliases`,
  );
  return [{ path: ['exports'], value: map }];
}

/** TypeScript: an exports map, and a module boundary constraint where ESLint enforces them. Edits of one file are made together. */
function typescriptBoundaries(tree: Tree, project: ShipshapeProject): FixResult {
  const manifest = project.get(packageJson);
  if (!manifest) return {};
  const done: string[] = [];
  const left: string[] = [];
  const edits = new Map<string, JsonEdit[]>([[manifest.path, exportsMapEdit(project, done, left)]]);
  const constraint = planDepConstraint(tree, project);
  if (constraint.tags) edits.set(constraint.tags.path, [...(edits.get(constraint.tags.path) ?? []), constraint.tags.edit]);
  const changes = [...edits]
    .filter(([, list]) => list.length > 0)
    .map(([path, list]) => ({ path, content: editJson(project.workspace.source.read(path) ?? '', list) }));
  if (constraint.config) changes.push(constraint.config);
  return { changes, done, left: [...left, ...constraint.notes] };
}

/** `nx g @shipshape/structure:boundaries --project=x`: only the entry points are public. */
export const boundariesGenerator = defineFixGenerator<BoundariesGeneratorSchema>({
  name: '@shipshape/structure:boundaries',
  fix: ({ tree, project, schema }) => {
    const python = project.get(pyproject) !== undefined;
    if (!project.get(packageJson) && !python)
      throw new ShipshapeError(`project "${project.name}" has neither a package.json nor a pyproject.toml`, project.root);
    const typescript = typescriptBoundaries(tree, project);
    const internal = python && (schema.pythonInternal ?? true) ? internalPackages(project) : [];
    return { ...typescript, changes: [...(typescript.changes ?? []), ...internal] };
  },
});

export default boundariesGenerator;
