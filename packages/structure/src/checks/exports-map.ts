import { defineCheck, type FindingInput, projectRelative, type ShipshapeProject } from '@shipshape/core';
import { packageJsonFinding } from '../metadata/manifest-findings';
import { importsByDependents, workspacePackages } from '../typescript/cross-project-imports';

function run(project: ShipshapeProject): FindingInput[] {
  const manifest = project.packageJson();
  if (!manifest || manifest.data.exports !== undefined) return [];
  const internals = [
    ...new Set(
      project
        .typescript()
        .sourceFiles()
        .map((f) => projectRelative(project.root, f.file).split('/'))
        .flatMap((parts) => {
          const i = parts.findIndex((p) => p === 'internal' || p === 'internals' || p === '_internal');
          return i >= 0 && i < parts.length - 1 ? [parts.slice(0, i + 1).join('/')] : [];
        }),
    ),
  ];
  const packages = workspacePackages(project);
  const deep = packages ? [...new Set(importsByDependents(project, packages).filter((i) => i.target.subpath !== '.').map((i) => `${i.file}:${i.ref.line}`))] : [];
  if (internals.length === 0 && deep.length === 0) return [];
  const why = [
    internals.length > 0 ? `its internal folder${internals.length > 1 ? 's' : ''} (${internals.join(', ')}) can be imported by anyone` : '',
    deep.length > 0 ? `other projects already import its files directly (${deep.slice(0, 3).join(', ')}${deep.length > 3 ? ', ...' : ''})` : '',
  ].filter(Boolean);
  return [packageJsonFinding(manifest, ['exports'], `package.json has no "exports" map, so every file of the package is public: ${why.join('; ')}. An exports map exposes only the entry points`, 'exports')];
}

export default defineCheck({
  id: 'structure/exports-map',
  title: 'An exports map keeps internals internal',
  planItem: 'structure/boundaries',
  languages: ['typescript'],
  severity: 'warning',
  fixedBy: '@shipshape/structure:boundaries',
  description:
    'A package with internal folders, or whose files other workspace projects import directly, needs an "exports" map in package.json that exposes only its public entry points; the boundaries generator writes one from the entry points package.json already declares.',
  run,
});
