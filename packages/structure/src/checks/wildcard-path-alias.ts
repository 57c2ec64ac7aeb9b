import { defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { rootPathAliases } from '../typescript/root-path-aliases';

function run(project: ShipshapeProject): FindingInput[] {
  if (project.root === '.') return [];
  return project
    .get(rootPathAliases)
    .filter(({ alias, targets }) => alias.includes('*') && targets.some((t) => t === `${project.root}/*` || t === `${project.root}/src/*`))
    .map(({ alias, targets, file, line }) => ({
      message: `${file} maps "${alias}" to ${targets.join(', ')}: every file of ${project.name} is importable by path, whatever its entry point exports; map the package name to its entry point only`,
      file,
      line,
      column: 1,
      key: `alias:${alias}`,
    }));
}

export default defineCheck({
  id: 'structure/wildcard-path-alias',
  title: 'No path alias that exposes every file of the project',
  planItem: 'structure/boundaries',
  languages: ['typescript'],
  severity: 'warning',
  description:
    'A tsconfig path alias such as "@acme/money/*": ["libs/money/*"] makes every file of the project importable from anywhere in the workspace, bypassing the entry point and the exports map.',
  run,
});
