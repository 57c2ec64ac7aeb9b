import { posix } from 'node:path';
import { defineCheck, diskView, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { moduleName, packageFolders, pythonLayout } from '../python/layout';
import { configuredNamespaces } from '../python/namespaces';

function run(project: ShipshapeProject): FindingInput[] {
  const view = diskView(project);
  const layout = pythonLayout(view);
  const namespaces = configuredNamespaces(project.pyproject()?.data);
  const files = view.files();
  return packageFolders(view, layout)
    .filter((folder) => !files.includes(`${folder}/__init__.py`) && !namespaces.includes(moduleName(layout, folder) ?? ''))
    .map((folder) => {
      const first = files.find((f) => f.startsWith(`${folder}/`) && f.endsWith('.py'))!;
      const name = moduleName(layout, folder);
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
  description:
    'Every folder of an import package that holds Python code needs an __init__.py, unless it is meant to be a PEP 420 namespace package; say so in pyproject.toml with [tool.shipshape] namespace-packages = ["name"].',
  run,
});
