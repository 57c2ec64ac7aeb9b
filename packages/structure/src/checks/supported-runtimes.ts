import {
  isNonEmptyString,
  packageJson,
  pyproject,
  type FindingInput,
  type ManifestText,
  type PackageJson,
  type ShipshapeProject,
} from '@shipshape/core';
import { validRange } from 'semver';
import { fillableBy } from '../metadata/fixes';
import { packageJsonFinding, pyprojectFinding } from '../metadata/manifest-findings';
import { defineMetadataCheck } from '../metadata/metadata-check';
import { allowsMinor, classifierVersion, parseSpecifier } from '../metadata/python-versions';
import { nodeRuntimeEvidence } from '../typescript/package-kind';
import pyprojectMetadata from './pyproject-metadata';

function packageJsonFindings(manifest: ManifestText<PackageJson>, project: ShipshapeProject): FindingInput[] {
  const engines = manifest.data.engines as { node?: unknown } | undefined;
  if (engines?.node === undefined) {
    // A browser or isomorphic library runs on no particular Node.js: engines.node would state nothing true.
    const why = nodeRuntimeEvidence(project);
    if (!why) return [];
    return [
      {
        ...fillableBy(
          project,
          packageJsonFinding(
            manifest,
            ['engines'],
            `package.json has no "engines.node", and the package runs on Node.js (${why}): say which versions it supports, e.g. ">=20"`,
            'engines.node',
          ),
        ),
        severity: 'info',
      },
    ];
  }
  if (!isNonEmptyString(engines.node) || validRange(engines.node) === null) {
    return [
      packageJsonFinding(
        manifest,
        ['engines', 'node'],
        `package.json "engines.node" is not a valid semver range: ${JSON.stringify(engines.node)}`,
      ),
    ];
  }
  return [];
}

function pyprojectFindings(manifest: ManifestText<unknown>, table: Record<string, unknown>): FindingInput[] {
  const requires = table['requires-python'];
  if (!isNonEmptyString(requires)) return []; // missing: structure/pyproject-metadata's finding (see `requires`)
  const allows = parseSpecifier(requires);
  if (!allows)
    return [
      pyprojectFinding(
        manifest,
        ['project', 'requires-python'],
        `[project] "requires-python" is not a valid PEP 440 specifier: "${requires}"`,
      ),
    ];
  const versions = (Array.isArray(table.classifiers) ? table.classifiers : [])
    .map((c) => (typeof c === 'string' ? classifierVersion(c) : undefined))
    .filter((v): v is [number, number] => v !== undefined);
  if (versions.length === 0) return [];
  const findings: FindingInput[] = [];
  const excluded = versions.filter(([major, minor]) => !allowsMinor(allows, major, minor)).map((v) => v.join('.'));
  if (excluded.length > 0) {
    findings.push(
      pyprojectFinding(
        manifest,
        ['project', 'classifiers'],
        `classifiers list Python ${excluded.join(', ')}, which requires-python "${requires}" excludes`,
        'classifiers-excluded',
      ),
    );
  }
  const lowest = Math.min(...versions.filter(([major]) => major === 3).map(([, minor]) => minor));
  const unlisted: string[] = [];
  for (let minor = 0; minor < lowest; minor++) if (allowsMinor(allows, 3, minor)) unlisted.push(`3.${minor}`);
  if (Number.isFinite(lowest) && unlisted.length > 0) {
    findings.push(
      pyprojectFinding(
        manifest,
        ['project', 'requires-python'],
        `requires-python "${requires}" allows Python ${unlisted.join(', ')}, which the classifiers do not list (the lowest listed is 3.${lowest}): raise requires-python or add the classifiers`,
        'requires-python-below-classifiers',
      ),
    );
  }
  return findings;
}

export default defineMetadataCheck({
  id: 'structure/supported-runtimes',
  title: 'The supported Node.js or Python versions are declared and consistent',
  severity: 'warning',
  requires: [packageJson, pyproject, pyprojectMetadata],
  description:
    'A package that runs on Node.js (it has a bin, or its library code imports Node.js built-ins) says which versions in "engines.node" (info: a convention); a browser or isomorphic library is not asked. A written "engines.node" must be a valid range; pyproject.toml "requires-python" is a valid PEP 440 specifier and agrees with the "Programming Language :: Python :: 3.x" classifiers.',
  packageJson: packageJsonFindings,
  pyproject: pyprojectFindings,
});
