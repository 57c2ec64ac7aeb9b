import {
  dataAt,
  defineFixGenerator,
  editJson,
  editToml,
  packageJson,
  pyproject,
  ShipshapeError,
  type FixResult,
  type TomlEdit,
  type ShipshapeProject,
} from '@shipshape/core';
import { notATable, PACKAGE_JSON_KINDS, POETRY_KINDS, PROJECT_KINDS, refuseWrongKinds, wrongKinds } from '../../metadata/field-kinds';
import { isUnpublished } from '../../metadata/metadata-check';
import { editableText } from '../../utils/editable-text';
import { planPackageJson } from './package-json-fields';
import { planPoetry, planPyproject } from './pyproject-fields';
import type { MetadataGeneratorSchema } from './schema';
import { metadataSources } from './sources';

/** The package.json fields the generator reads or fills: a wrong kind among them stops it before anything is written. */
const PACKAGE_JSON_FIELDS = [
  'private',
  'description',
  'license',
  'repository',
  'homepage',
  'bugs',
  'author',
  'engines',
  'sideEffects',
  'files',
  'main',
  'types',
  'typings',
  'exports',
];
const PROJECT_FIELDS = [
  'description',
  'readme',
  'requires-python',
  'license',
  'license-files',
  'authors',
  'urls',
  'dynamic',
  'classifiers',
];
const POETRY_FIELDS = ['name', 'version', 'description', 'readme', 'license', 'authors', 'homepage', 'repository'];

function completePackageJson(project: ShipshapeProject): FixResult {
  const manifest = project.get(packageJson);
  if (!manifest) return {};
  refuseWrongKinds(manifest.path, [
    ...wrongKinds(manifest.data, PACKAGE_JSON_KINDS, '', PACKAGE_JSON_FIELDS).map((w) => w.problem),
    ...wrongKinds(manifest.data.engines, { node: ['a string'] }, 'engines.').map((w) => w.problem),
  ]);
  const { edits, left } = planPackageJson(manifest.data, project, project.get(metadataSources));
  if (edits.length > 0) editableText(project.workspace.source, manifest.path);
  return {
    changes: [{ path: manifest.path, content: editJson(manifest.text, edits, manifest.path) }],
    left: left.map((l) => `${manifest.path} ${l}`),
  };
}

/** Where setuptools reads the metadata of a project whose pyproject.toml has no [project] table, if anywhere. */
function setuptoolsMetadata(project: ShipshapeProject): string | undefined {
  const { source } = project.workspace;
  const setupCfg = project.file('setup.cfg');
  if (/^\s*\[metadata\]/m.test(source.read(setupCfg) ?? '')) return `${setupCfg} [metadata]`;
  const setupPy = project.file('setup.py');
  return source.isFile(setupPy) ? setupPy : undefined;
}

/** The planned edits of a pyproject.toml (a file that is not UTF-8 is refused before any), and what is left, said of `where`. */
function tomlEdits(
  project: ShipshapeProject,
  manifest: { path: string; text: string },
  { edits, left }: { edits: TomlEdit[]; left: string[] },
  where: string,
): FixResult {
  if (edits.length > 0) editableText(project.workspace.source, manifest.path);
  return {
    changes: [{ path: manifest.path, content: editToml(manifest.text, edits, manifest.path) }],
    left: left.map((l) => `${where} ${l}`),
  };
}

function completePyproject(project: ShipshapeProject): FixResult {
  const manifest = project.get(pyproject);
  if (!manifest) return {};
  const table = manifest.data.project;
  const poetry = dataAt(manifest.data, ['tool', 'poetry']);
  refuseWrongKinds(
    manifest.path,
    [notATable(table, 'project'), notATable(manifest.data.tool, 'tool'), notATable(poetry, 'tool.poetry')].filter(
      (p): p is string => p !== undefined,
    ),
  );
  if (isUnpublished(project)) return { left: [`${manifest.path} is "Private :: Do Not Upload": publishing metadata left as it is`] };
  const sources = project.get(metadataSources);
  if (!table) {
    const named = typeof poetry === 'object' && poetry !== null && ('name' in poetry || 'version' in poetry);
    if (named) {
      refuseWrongKinds(
        manifest.path,
        wrongKinds(poetry, POETRY_KINDS, 'tool.poetry.', POETRY_FIELDS).map((w) => w.problem),
      );
      // Poetry before 2.0 reads only its own table: the metadata goes there, with Poetry's names and shapes.
      return tomlEdits(project, manifest, planPoetry(poetry, project.root, sources), `${manifest.path} [tool.poetry]`);
    }
    // PEP 621 requires name (and version unless dynamic): a [project] table with only the fields Shipshape can
    // tell would make the file one that pip and build refuse.
    const elsewhere = setuptoolsMetadata(project);
    return {
      left: [
        elsewhere
          ? `${manifest.path} has no [project] table: setuptools reads this project's metadata from ${elsewhere}, which Shipshape does not edit; add the missing fields there, or move them to a [project] table (PEP 621: name and version first)`
          : `${manifest.path} has no [project] table, and PEP 621 requires its "name" (and "version", unless listed in dynamic), which Shipshape does not invent: write them under [project], then run the generator again`,
      ],
    };
  }
  refuseWrongKinds(
    manifest.path,
    wrongKinds(table, PROJECT_KINDS, 'project.', PROJECT_FIELDS).map((w) => w.problem),
  );
  return tomlEdits(project, manifest, planPyproject(table, project.root, sources), manifest.path);
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
