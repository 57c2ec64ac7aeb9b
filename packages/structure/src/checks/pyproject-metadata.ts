import {
  dataAt,
  kindOf,
  defineCheck,
  isNonEmptyString,
  locateToml,
  missingFieldFindings,
  pyproject,
  shownValue,
  type FindingInput,
  type RequiredField,
} from '@shipshape/core';
import { POETRY_KINDS, PROJECT_KINDS, withWrongKinds } from '../metadata/field-kinds';
import { isUnpublished } from '../metadata/metadata-check';

type Table = Record<string, unknown> & { dynamic?: unknown };

const isDynamic = (table: Table, field: string) => Array.isArray(table.dynamic) && table.dynamic.includes(field);
const present = (field: string) => (table: Table) => {
  const value = table[field];
  if (isDynamic(table, field)) return true;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return isNonEmptyString(value);
};
const anyOf =
  (...names: string[]) =>
  (table: Table) =>
    names.some((name) => present(name)(table));

/** What a package's identity needs even when it is never published. */
const IDENTITY = ['name', 'version'];

/** Each field [project] needs: name, advice, and Poetry's own advice (null: Poetry keeps it elsewhere, in its dependencies). */
const FIELDS: Array<[string, string, (string | null)?]> = [
  ['name', 'the distribution name on PyPI'],
  ['version', 'a PEP 440 version, or "version" listed in dynamic', 'a PEP 440 version'],
  ['description', 'one sentence on what the library does'],
  ['readme', 'the README shown on PyPI, e.g. readme = "README.md"'],
  ['requires-python', 'the lowest supported Python, e.g. requires-python = ">=3.9"', null],
  ['license', 'a PEP 639 SPDX expression, e.g. license = "MIT"', 'an SPDX expression, e.g. license = "MIT"'],
  ['authors', 'authors = [{ name = "...", email = "..." }]', 'authors = ["Name <email>"]'],
  ['urls', '[project.urls] with Homepage, Source and Issues', 'homepage and repository, or [tool.poetry.urls]'],
];

const PROJECT_FIELDS: RequiredField<Table>[] = FIELDS.map(([name, advice]) => ({ name, present: present(name), advice }));

/** Poetry before 2.0 keeps the same metadata in [tool.poetry], with its own names. */
const POETRY_FIELDS: RequiredField<Table>[] = FIELDS.filter(([, , poetry]) => poetry !== null).map(([name, advice, poetry]) => ({
  name,
  present: name === 'urls' ? anyOf('homepage', 'repository', 'urls') : present(name),
  advice: poetry ?? advice,
}));

export default defineCheck({
  id: 'structure/pyproject-metadata',
  title: 'pyproject.toml has complete metadata',
  planItem: 'structure/package-metadata',
  languages: ['python'],
  severity: 'warning',
  fixedBy: '@shipshape/structure:metadata',
  requires: [pyproject],
  description:
    'A publishable pyproject.toml has a PEP 621 [project] table (or, for Poetry before 2.0, [tool.poetry]) with name, version, description, readme, requires-python, license, authors and urls, and a [build-system] table. A package marked "Private :: Do Not Upload" is only asked for its name and version.',
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
    const unpublished = isUnpublished(project);
    const wanted = (fields: RequiredField<Table>[]) => fields.filter((f) => !unpublished || IDENTITY.includes(f.name));
    const table = data.project;
    const poetry = dataAt(data, ['tool', 'poetry']) as Table | undefined;
    if (!table && poetry && (present('name')(poetry) || present('version')(poetry))) {
      const anchor = locateToml(text, ['tool', 'poetry']) ?? { line: 1, column: 1 };
      const missing = missingFieldFindings({ data: poetry, file, fields: wanted(POETRY_FIELDS), anchor, where: '[tool.poetry]' });
      return [...findings, ...withWrongKinds(missing, poetry, POETRY_KINDS)];
    }
    if (table !== undefined && kindOf(table) !== 'a table') {
      findings.push({
        message: `"project" is ${kindOf(table)} (${shownValue(table)}), not a table: PEP 621 metadata is a [project] table with name, version, ...`,
        file,
        key: 'project',
        ...(locateToml(text, ['project']) ?? { line: 1, column: 1 }),
      });
      return findings;
    }
    if (!table) {
      findings.push({
        message:
          'pyproject.toml has no [project] table (PEP 621), nor a Poetry [tool.poetry] table naming the package: the package has no name, version or metadata',
        file,
        key: 'project',
        line: 1,
        column: 1,
      });
      return findings;
    }
    const anchor = locateToml(text, ['project']) ?? { line: 1, column: 1 };
    const missing = missingFieldFindings({ data: table, file, fields: wanted(PROJECT_FIELDS), anchor, where: '[project]' });
    return [...findings, ...withWrongKinds(missing, table, PROJECT_KINDS)];
  },
});
