import { defineCheck, packageJson, pyproject, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { packageJsonFinding, pyprojectFinding } from '../metadata/manifest-findings';

const hasKeywords = (value: unknown) => Array.isArray(value) && value.some((k) => typeof k === 'string' && k.trim() !== '');
const isDynamic = (table: Record<string, unknown>, field: string) => Array.isArray(table.dynamic) && table.dynamic.includes(field);

function findings(project: ShipshapeProject): FindingInput[] {
  const out: FindingInput[] = [];
  const pkg = project.get(packageJson);
  if (pkg && !hasKeywords(pkg.data.keywords)) {
    out.push(
      packageJsonFinding(pkg, ['keywords'], 'package.json has no "keywords": the words npm search matches the package by', 'keywords'),
    );
  }
  const py = project.get(pyproject);
  const table = py?.data.project;
  if (py && table && !hasKeywords(table.keywords) && !isDynamic(table, 'keywords')) {
    out.push(
      pyprojectFinding(
        py,
        ['project', 'keywords'],
        '[project] has no "keywords": the words PyPI search matches the package by',
        'keywords',
      ),
    );
  }
  return out;
}

export default defineCheck({
  id: 'structure/package-keywords',
  title: 'The package has search keywords',
  planItem: 'structure/package-metadata',
  languages: ['typescript', 'python'],
  severity: 'info',
  requires: [packageJson, pyproject],
  description:
    'package.json "keywords" and pyproject.toml [project] "keywords" help people find the package; the generator cannot guess them, so it leaves them to you.',
  run: findings,
});
