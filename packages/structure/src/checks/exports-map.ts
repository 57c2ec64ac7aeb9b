import { defineCheck, packageJson, projectRelative, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { packageJsonFinding } from '../metadata/manifest-findings';
import { dependentImports } from '../typescript/cross-project-imports';
import { projectSources } from '../typescript/project-sources';

const INTERNAL_FOLDERS = ['internal', 'internals', '_internal'];

/** The project-relative internal folders (`src/internal`) that hold source files. */
function internalFolders(project: ShipshapeProject): string[] {
  const folders = project.get(projectSources).files.flatMap((file) => {
    const parts = projectRelative(project.root, file).split('/');
    const i = parts.findIndex((p) => INTERNAL_FOLDERS.includes(p));
    return i >= 0 && i < parts.length - 1 ? [parts.slice(0, i + 1).join('/')] : [];
  });
  return [...new Set(folders)];
}

function run(project: ShipshapeProject): FindingInput[] {
  const manifest = project.get(packageJson);
  if (!manifest || manifest.data.exports !== undefined) return [];
  const internals = internalFolders(project);
  const deep = [
    ...new Set((project.get(dependentImports) ?? []).filter((i) => i.target.subpath !== '.').map((i) => `${i.file}:${i.ref.line}`)),
  ];
  if (internals.length === 0 && deep.length === 0) return [];
  const why = [
    internals.length > 0 ? `its internal folder${internals.length > 1 ? 's' : ''} (${internals.join(', ')}) can be imported by anyone` : '',
    deep.length > 0
      ? `other projects already import its files directly (${deep.slice(0, 3).join(', ')}${deep.length > 3 ? ', ...' : ''})`
      : '',
  ].filter(Boolean);
  return [
    packageJsonFinding(
      manifest,
      ['exports'],
      `package.json has no "exports" map, so every file of the package is public: ${why.join('; ')}. An exports map exposes only the entry points`,
      'exports',
    ),
  ];
}

export default defineCheck({
  id: 'structure/exports-map',
  title: 'An exports map keeps internals internal',
  planItem: 'structure/boundaries',
  languages: ['typescript'],
  severity: 'warning',
  fixedBy: '@shipshape/structure:boundaries',
  requires: [packageJson],
  description:
    'A package with internal folders, or whose files other workspace projects import directly, needs an "exports" map in package.json that exposes only its public entry points; the boundaries generator writes one from the entry points package.json already declares.',
  run,
});
