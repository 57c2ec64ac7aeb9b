import { posix } from 'node:path';
import { defineCheck, pyproject, pythonFiles, pythonPackages, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { configuredNamespaces } from '../python/namespaces';
import { moduleName, packageFolders } from '../python/package-folders';

function run(project: ShipshapeProject): FindingInput[] {
  const packages = project.get(pythonPackages);
  const namespaces = configuredNamespaces(project.get(pyproject)?.data);
  const files = project.get(pythonFiles);
  return project
    .get(packageFolders)
    .filter((folder) => !files.includes(`${folder}/__init__.py`) && !namespaces.includes(moduleName(packages, folder) ?? ''))
    .map((folder) => {
      const first = files.find((f) => f.startsWith(`${folder}/`))!;
      const name = moduleName(packages, folder);
      return {
        message: `${folder}/ holds Python modules but no __init__.py, so ${name} is an implicit namespace package by accident: add an __init__.py (or list "${name}" in [tool.shipshape] namespace-packages if it is meant to be one)`,
        file: posix.dirname(first) === folder ? first : folder,
        line: 1,
        column: 1,
        key: folder,
      };
    });
}

export default defineCheck({
  id: 'structure/missing-init-py',
  title: 'Package folders have an __init__.py',
  planItem: 'structure/directory-layout',
  languages: ['python'],
  severity: 'warning',
  fixedBy: '@shipshape/structure:barrels',
  requires: [pyproject, packageFolders],
  description:
    'Every folder of an import package that holds Python code needs an __init__.py, unless it is meant to be a PEP 420 namespace package; say so in pyproject.toml with [tool.shipshape] namespace-packages = ["name"].',
  run,
});
