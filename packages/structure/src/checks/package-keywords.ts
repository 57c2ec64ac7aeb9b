import type { FindingInput, ManifestText } from '@shipshape/core';
import { packageJsonFinding, pyprojectFinding } from '../metadata/manifest-findings';
import { defineMetadataCheck } from '../metadata/metadata-check';

const hasKeywords = (value: unknown) => Array.isArray(value) && value.some((k) => typeof k === 'string' && k.trim() !== '');
const isDynamic = (table: Record<string, unknown>, field: string) => Array.isArray(table.dynamic) && table.dynamic.includes(field);

export default defineMetadataCheck({
  id: 'structure/package-keywords',
  title: 'The package has search keywords',
  severity: 'info',
  description:
    'package.json "keywords" and pyproject.toml [project] "keywords" help people find the package; the generator cannot guess them, so it leaves them to you. Packages that are never published are left out.',
  packageJson: (manifest): FindingInput[] =>
    hasKeywords(manifest.data.keywords)
      ? []
      : [
          packageJsonFinding(
            manifest,
            ['keywords'],
            'package.json has no "keywords": the words npm search matches the package by',
            'keywords',
          ),
        ],
  pyproject: (manifest: ManifestText<unknown>, table): FindingInput[] =>
    hasKeywords(table.keywords) || isDynamic(table, 'keywords')
      ? []
      : [
          pyprojectFinding(
            manifest,
            ['project', 'keywords'],
            '[project] has no "keywords": the words PyPI search matches the package by',
            'keywords',
          ),
        ],
});
