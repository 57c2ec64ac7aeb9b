import {
  defineCheck,
  documentStart,
  isNonEmptyString,
  missingFieldFindings,
  packageJson,
  type PackageJson,
  type RequiredField,
} from '@shipshape/core';

const hasTypes = (pkg: PackageJson) => {
  if (isNonEmptyString(pkg.types) || isNonEmptyString(pkg.typings)) return true;
  const root = (pkg.exports as Record<string, unknown> | undefined)?.['.'] ?? pkg.exports;
  return typeof root === 'object' && root !== null && 'types' in root;
};

const FIELDS: RequiredField<PackageJson>[] = [
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

export default defineCheck({
  id: 'structure/package-json-metadata',
  title: 'package.json has complete metadata',
  planItem: 'structure/package-metadata',
  languages: ['typescript'],
  severity: 'warning',
  fixedBy: '@shipshape/structure:metadata',
  requires: [packageJson],
  description:
    'A publishable package.json names the package, its version, what it does, its license and repository, what it ships and where its types are.',
  run(project) {
    const manifest = project.get(packageJson);
    if (!manifest) return [];
    const anchor = documentStart(manifest.text);
    return missingFieldFindings({ data: manifest.data, file: manifest.path, fields: FIELDS, anchor, where: 'package.json' });
  },
});
