import {
  defineCheck,
  isNonEmptyString,
  locateToml,
  missingFieldFindings,
  pyproject,
  type FindingInput,
  type RequiredField,
} from '@shipshape/core';

type ProjectTable = Record<string, unknown> & { dynamic?: unknown };

const isDynamic = (table: ProjectTable, field: string) => Array.isArray(table.dynamic) && table.dynamic.includes(field);
const present = (field: string) => (table: ProjectTable) => {
  const value = table[field];
  if (isDynamic(table, field)) return true;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return isNonEmptyString(value);
};

const FIELDS: RequiredField<ProjectTable>[] = [
  { name: 'name', present: present('name'), advice: 'the distribution name on PyPI' },
  { name: 'version', present: present('version'), advice: 'a PEP 440 version, or "version" listed in dynamic' },
  { name: 'description', present: present('description'), advice: 'one sentence on what the library does' },
  { name: 'readme', present: present('readme'), advice: 'the README shown on PyPI, e.g. readme = "README.md"' },
  { name: 'requires-python', present: present('requires-python'), advice: 'the lowest supported Python, e.g. requires-python = ">=3.9"' },
  { name: 'license', present: present('license'), advice: 'a PEP 639 SPDX expression, e.g. license = "MIT"' },
  { name: 'authors', present: present('authors'), advice: 'authors = [{ name = "...", email = "..." }]' },
  { name: 'urls', present: present('urls'), advice: '[project.urls] with Homepage, Source and Issues' },
];

export default defineCheck({
  id: 'structure/pyproject-metadata',
  title: 'pyproject.toml has complete metadata',
  planItem: 'structure/package-metadata',
  languages: ['python'],
  severity: 'warning',
  fixedBy: '@shipshape/structure:metadata',
  requires: [pyproject],
  description:
    'A publishable pyproject.toml has a PEP 621 [project] table with name, version, description, readme, requires-python, license, authors and urls, and a [build-system] table.',
  run(project) {
    const manifest = project.get(pyproject);
    if (!manifest) return [];
    const { path: file, text, data } = manifest;
    const findings: FindingInput[] = [];
    if (!data['build-system']) {
      findings.push({
        message: 'pyproject.toml has no [build-system] table: say which backend builds the package, e.g. hatchling',
        file,
        key: 'build-system',
        line: 1,
        column: 1,
      });
    }
    const table = data.project;
    if (!table) {
      findings.push({
        message: 'pyproject.toml has no [project] table (PEP 621): the package has no name, version or metadata',
        file,
        key: 'project',
        line: 1,
        column: 1,
      });
      return findings;
    }
    const anchor = locateToml(text, ['project']) ?? { line: 1, column: 1 };
    return [...findings, ...missingFieldFindings({ data: table, file, fields: FIELDS, anchor, where: '[project]' })];
  },
});
