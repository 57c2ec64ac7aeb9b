import {
  defineFixGenerator,
  editJson,
  editToml,
  packageJson,
  pyproject,
  ShipshapeError,
  type FixResult,
  type ShipshapeProject,
} from '@shipshape/core';
import { isUnpublished } from '../../metadata/metadata-check';
import { planPackageJson } from './package-json-fields';
import { planPyproject } from './pyproject-fields';
import type { MetadataGeneratorSchema } from './schema';
import { metadataSources } from './sources';

function completePackageJson(project: ShipshapeProject): FixResult {
  const manifest = project.get(packageJson);
  if (!manifest) return {};
  const { edits, left } = planPackageJson(manifest.data, project, project.get(metadataSources));
  return { changes: [{ path: manifest.path, content: editJson(manifest.text, edits) }], left: left.map((l) => `${manifest.path} ${l}`) };
}

function completePyproject(project: ShipshapeProject): FixResult {
  const manifest = project.get(pyproject);
  if (!manifest) return {};
  const table = manifest.data.project;
  if (!table && manifest.data.tool?.poetry !== undefined)
    return {
      left: [
        `${manifest.path} keeps its metadata in [tool.poetry]: Poetry's table is left to you (Poetry 2 also reads a PEP 621 [project] table)`,
      ],
    };
  if (!table) return { left: [`${manifest.path} has no [project] table: write its name and version first`] };
  if (isUnpublished(project)) return { left: [`${manifest.path} is "Private :: Do Not Upload": publishing metadata left as it is`] };
  const { edits, left } = planPyproject(table, project.root, project.get(metadataSources));
  return { changes: [{ path: manifest.path, content: editToml(manifest.text, edits) }], left: left.map((l) => `${manifest.path} ${l}`) };
}

/** `nx g @shipshape/structure:metadata --project=x`: fills missing package.json / pyproject.toml metadata from the workspace. */
export const metadataGenerator = defineFixGenerator<MetadataGeneratorSchema>({
  name: '@shipshape/structure:metadata',
  fix: ({ project }) => {
    if (!project.get(packageJson) && !project.get(pyproject)) {
      throw new ShipshapeError(`project "${project.name}" has neither a package.json nor a pyproject.toml to complete`, project.root);
    }
    const parts = [completePackageJson(project), completePyproject(project)];
    return { changes: parts.flatMap((p) => p.changes ?? []), left: parts.flatMap((p) => p.left ?? []) };
  },
});

export default metadataGenerator;
