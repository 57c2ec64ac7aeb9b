import type { FindingInput, ManifestText, PackageJson, ShipshapeProject } from '@shipshape/core';
import { fillableBy } from '../metadata/fixes';
import { packageJsonFinding } from '../metadata/manifest-findings';
import { defineMetadataCheck } from '../metadata/metadata-check';
import { sideEffectModules } from '../typescript/library-modules';
import { bundledByConsumers } from '../typescript/package-kind';

function packageJsonFindings(manifest: ManifestText<PackageJson>, project: ShipshapeProject): FindingInput[] {
  // A CLI or a CommonJS-only package is never tree-shaken by a bundler.
  if (manifest.data.sideEffects !== undefined || !bundledByConsumers(project)) return [];
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

export default defineMetadataCheck({
  id: 'structure/side-effects',
  title: 'package.json declares sideEffects',
  severity: 'info',
  description:
    'Bundlers can drop unused modules only when the package says which modules have side effects. The check reads every library source module (never the build output): when none runs code at load time, "sideEffects": false is safe (and the metadata generator writes it). Packages with nothing for a bundler (a CLI, CommonJS-only entries) and packages that are never published are left out.',
  packageJson: packageJsonFindings,
});
