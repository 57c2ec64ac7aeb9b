import {
  documentStart,
  isNonEmptyString,
  missingFieldFindings,
  type FindingInput,
  type ManifestText,
  type PackageJson,
  type RequiredField,
  type ShipshapeProject,
} from '@shipshape/core';
import { defineMetadataCheck, isUnpublished } from '../metadata/metadata-check';
import { entryPoints, type EntryPoint } from '../typescript/entry-points';
import { importedByCode } from '../typescript/package-kind';

/** A "types" condition anywhere in the exports map (nested under import/require/default too). */
function typesCondition(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  return Object.entries(node).some(([key, value]) => key === 'types' || typesCondition(value));
}

/** Every JS entry has its declarations beside it (`dist/index.d.ts` next to `dist/index.js`), which TypeScript finds without a field. */
function declarationsBeside(project: ShipshapeProject, entries: readonly EntryPoint[]): boolean {
  // A TypeScript source named as an entry (a development condition) is no declaration file: only the JS ones count.
  const code = entries.filter((e) => e.kind === 'code' && e.field[0] !== 'bin' && !e.pattern && /\.[cm]?jsx?$/.test(e.path));
  const isFile = (path: string) => project.workspace.source.isFile(path);
  return code.length > 0 && code.every((e) => [e.path.replace(/\.([cm]?)jsx?$/, '.d.$1ts')].some(isFile));
}

function fields(project: ShipshapeProject): RequiredField<PackageJson>[] {
  const entries = project.get(entryPoints);
  const hasTypes = (pkg: PackageJson) =>
    isNonEmptyString(pkg.types) ||
    isNonEmptyString(pkg.typings) ||
    typesCondition(pkg.exports) ||
    declarationsBeside(project, entries) ||
    !importedByCode(entries);
  return [
    { name: 'name', present: (p) => isNonEmptyString(p.name), advice: 'the name the package is published and imported under' },
    { name: 'version', present: (p) => isNonEmptyString(p.version), advice: 'a semver version, e.g. "0.1.0"' },
    {
      name: 'description',
      present: (p) => isNonEmptyString(p.description),
      advice: 'one sentence on what the library does; npm search shows it',
    },
    { name: 'license', present: (p) => isNonEmptyString(p.license), advice: 'an SPDX expression such as "MIT"' },
    {
      name: 'repository',
      present: (p) => isNonEmptyString(p.repository) || isNonEmptyString((p.repository as { url?: unknown } | undefined)?.url),
      advice: 'where the source lives: { "type": "git", "url": "...", "directory": "<project root>" }',
    },
    {
      name: 'files',
      present: (p) => Array.isArray(p.files) || p.exports !== undefined,
      advice: 'a "files" list or an "exports" map, so that the published package holds only what it should',
    },
    {
      name: 'types',
      present: hasTypes,
      advice: 'the declaration file consumers get types from ("types" or a "types" condition in "exports")',
    },
  ];
}

function packageJsonFindings(manifest: ManifestText<PackageJson>, project: ShipshapeProject): FindingInput[] {
  // A package that is never published still needs its name, which workspace projects import it by.
  const wanted = fields(project).filter((f) => !isUnpublished(project) || f.name === 'name');
  return missingFieldFindings({
    data: manifest.data,
    file: manifest.path,
    fields: wanted,
    anchor: documentStart(manifest.text),
    where: 'package.json',
  });
}

export default defineMetadataCheck({
  id: 'structure/package-json-metadata',
  title: 'package.json has complete metadata',
  severity: 'warning',
  fixedBy: '@shipshape/structure:metadata',
  description:
    'A publishable package.json names the package, its version, what it does, its license and repository, what it ships and where its types are ("types", a "types" condition at any depth of "exports", or declarations beside every JS entry; not asked of a package no code imports, such as a CLI). A private package is only asked for its name.',
  unpublishedToo: true,
  packageJson: packageJsonFindings,
});
