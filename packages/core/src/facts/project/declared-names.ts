import { normalizeDistributionName } from '../../adapters/python';
import { parseRequirement } from '../../manifest/python-requirement';
import { dataAt, isTable } from '../../util/data';
import { defineFact } from '../fact';
import { rootManifests } from '../workspace/root-manifests';
import { npmDeclaredNames } from '../../manifest/npm-declared-names';
import { packageJson, pyproject, type PyProject } from './manifests';

function requirementNames(list: unknown): string[] {
  return Array.isArray(list)
    ? list.flatMap((entry) => (typeof entry === 'string' ? [parseRequirement(entry)?.name ?? ''] : [])).filter(Boolean)
    : [];
}

function tableKeys(table: unknown): string[] {
  return isTable(table) ? Object.keys(table) : [];
}

function tableValues(table: unknown): unknown[] {
  return isTable(table) ? Object.values(table) : [];
}

/**
 * Every distribution a pyproject.toml names anywhere (normalized): [project] dependencies and extras, PEP 735
 * groups, [build-system].requires, Poetry's and PDM's and uv's own tables. What enables a Python tool.
 */
export function pythonDeclaredNames(data: PyProject | undefined): string[] {
  if (!data) return [];
  const lists = [
    dataAt(data, ['project', 'dependencies']),
    ...tableValues(dataAt(data, ['project', 'optional-dependencies'])),
    ...tableValues(data['dependency-groups']),
    dataAt(data, ['build-system', 'requires']),
    dataAt(data, ['tool', 'uv', 'dev-dependencies']),
    ...tableValues(dataAt(data, ['tool', 'pdm', 'dev-dependencies'])),
  ];
  const poetry = [
    dataAt(data, ['tool', 'poetry', 'dependencies']),
    dataAt(data, ['tool', 'poetry', 'dev-dependencies']),
    ...tableValues(dataAt(data, ['tool', 'poetry', 'group'])).map((group) => dataAt(group, ['dependencies'])),
  ].flatMap(tableKeys);
  return [...new Set([...lists.flatMap(requirementNames), ...poetry.filter((n) => n !== 'python')].map(normalizeDistributionName))];
}

/** What the project and the workspace root declare: npm names as written, Python names normalized. */
export const declaredNames = defineFact({
  id: 'manifest/declared-names',
  inputs: [packageJson, pyproject],
  compute: (project, pkg, py) => {
    const root = project.root === '.' ? {} : project.get(rootManifests);
    const rootPkg = root.packageJson;
    const rootPy = root.pyproject;
    return {
      npm: new Set(npmDeclaredNames(pkg?.data)),
      npmWithRoot: new Set([...npmDeclaredNames(pkg?.data), ...npmDeclaredNames(rootPkg)]),
      python: new Set(pythonDeclaredNames(py?.data)),
      pythonWithRoot: new Set([...pythonDeclaredNames(py?.data), ...pythonDeclaredNames(rootPy)]),
    };
  },
});
