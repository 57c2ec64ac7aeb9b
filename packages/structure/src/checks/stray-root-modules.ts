import { posix } from 'node:path';
import { defineCheck, pyproject, pythonPackages, stringsIn, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { ROOT_MODULES_ALLOWED } from '../python/package-folders';

const MODULE_LISTS = [
  ['tool', 'setuptools', 'py-modules'],
  ['tool', 'hatch', 'build', 'targets', 'wheel', 'only-include'],
  ['tool', 'hatch', 'build', 'targets', 'wheel', 'include'],
  ['tool', 'hatch', 'build', 'include'],
];

/** Single-module distributions declare their module: setuptools py-modules, hatch only-include/include. */
function declaredModules(data: Record<string, unknown>): string[] {
  return MODULE_LISTS.flatMap((path) => stringsIn(data, path)).map((m) => m.replace(/\.py$/, ''));
}

function run(project: ShipshapeProject): FindingInput[] {
  const manifest = project.get(pyproject);
  if (!manifest) return [];
  const declared = declaredModules(manifest.data);
  return project
    .get(pythonPackages)
    .rootModules.filter((file) => !ROOT_MODULES_ALLOWED.has(posix.basename(file)) && !declared.includes(posix.basename(file, '.py')))
    .map((file) => ({
      message: `${posix.basename(file)} is a stray module at the project root, outside the import package: move it into the package, into scripts/, or delete it`,
      file,
      line: 1,
      column: 1,
      key: posix.basename(file),
    }));
}

export default defineCheck({
  id: 'structure/stray-root-modules',
  title: 'No stray Python modules at the project root',
  planItem: 'structure/directory-layout',
  languages: ['python'],
  severity: 'warning',
  requires: [pyproject, pythonPackages],
  description:
    'Python files at the project root (other than setup.py, conftest.py, noxfile.py and the like, or a module the build declares) are neither part of the package nor its tests.',
  run,
});
