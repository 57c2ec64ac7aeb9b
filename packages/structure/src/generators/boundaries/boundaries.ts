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
import { PACKAGE_JSON_KINDS, refuseWrongKinds, wrongKinds } from '../../metadata/field-kinds';
import { editableText } from '../../utils/editable-text';
import { planDepConstraint } from './dep-constraints';
import { dependentImports, workspaceImporters } from '../../typescript/cross-project-imports';
import { exportsExpose } from '../../typescript/exports-map';
import { exportsMapFor } from './exports-map';
import { internalPackages } from './python-internal';
import type { BoundariesGeneratorSchema } from './schema';

/** The imports other workspace projects make of this package's files that the new map would not expose: what it would break. */
function brokenByMap(project: ShipshapeProject, map: Record<string, unknown>): string[] {
  const importers = project.get(dependentImports) ?? workspaceImporters(project);
  return importers
    .filter(({ target }) => target.subpath !== '.' && !exportsExpose(map, target.subpath))
    .map(({ file, ref }) => `${file}:${ref.line} imports "${ref.specifier}"`);
}

/** The package.json edit that exposes only the entry points, when the package has no exports map yet and nothing in the workspace needs more. */
function exportsMapEdit(project: ShipshapeProject, done: string[], left: string[]): JsonEdit[] {
  const manifest = project.get(packageJson);
  if (!manifest) return [];
  // The map is made from these fields, and written over none: a wrong kind among them is the user's to fix.
  refuseWrongKinds(
    manifest.path,
    wrongKinds(manifest.data, PACKAGE_JSON_KINDS, '', ['exports', 'main', 'module', 'types', 'typings']).map((w) =>
      w.field === 'exports' && manifest.data.exports === null
        ? `${w.problem} (Node.js reads null as no map; remove it for Shipshape to write one)`
        : w.problem,
    ),
  );
  if (manifest.data.exports !== undefined) return [];
  const map = exportsMapFor(project, manifest.data);
  if (!map) {
    left.push(`${manifest.path} declares no entry point (main, module, types) and there is no src/index.ts: no exports map written`);
    return [];
  }
  const broken = brokenByMap(project, map);
  if (broken.length > 0) {
    left.push(
      `${manifest.path}: no exports map written, it would break what other projects import today (${broken.slice(0, 3).join(', ')}${broken.length > 3 ? ', ...' : ''}): export what they need from the entry point first`,
    );
    return [];
  }
  done.push(
    `${manifest.path}: "exports" exposes ${Object.keys(map).join(', ')}; imports of any other file of the package now fail outside the workspace's path aliases (a breaking change for consumers that import other files: release it as a major version)`,
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
    .map(([path, list]) => ({ path, content: editJson(editableText(project.workspace.source, path), list, path) }));
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
