import { defineCheck, packageJson, type ShipshapeProject } from '@shipshape/core';
import { fillableBy } from '../metadata/fixes';
import { packageJsonFinding } from '../metadata/manifest-findings';
import { sideEffectModules } from '../typescript/library-modules';

function run(project: ShipshapeProject) {
  const manifest = project.get(packageJson);
  if (!manifest || manifest.data.sideEffects !== undefined) return [];
  const withEffects = project.get(sideEffectModules);
  if (withEffects.length === 0) {
    return [
      fillableBy(
        project,
        packageJsonFinding(
          manifest,
          ['sideEffects'],
          'package.json has no "sideEffects": no module of the library runs code when loaded, so "sideEffects": false lets bundlers drop what is not imported',
          'sideEffects',
        ),
      ),
    ];
  }
  const listed = withEffects
    .slice(0, 3)
    .map(({ file, line }) => `${file}:${line}`)
    .join(', ');
  const more = withEffects.length > 3 ? ` and ${withEffects.length - 3} more` : '';
  return [
    packageJsonFinding(
      manifest,
      ['sideEffects'],
      `package.json has no "sideEffects": list the modules that run code when loaded (${listed}${more}) in "sideEffects", so bundlers may drop the others`,
      'sideEffects',
    ),
  ];
}

export default defineCheck({
  id: 'structure/side-effects',
  title: 'package.json declares sideEffects',
  planItem: 'structure/package-metadata',
  languages: ['typescript'],
  severity: 'info',
  requires: [packageJson],
  description:
    'Bundlers can drop unused modules only when the package says which modules have side effects. The check reads every library module: when none runs code at load time, "sideEffects": false is safe (and the metadata generator writes it).',
  run,
});
