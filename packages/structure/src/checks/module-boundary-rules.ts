import { defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { BOUNDARY_RULE } from '../eslint/boundary-rule';
import { workspaceBoundaryRule } from '../eslint/workspace-boundary-rule';

function run(project: ShipshapeProject): FindingInput[] {
  const found = project.get(workspaceBoundaryRule);
  if (!found) return [];
  const { file, rule } = found;
  if (project.tags.length === 0) {
    return [
      {
        message: `${project.name} has no Nx tags, so ${BOUNDARY_RULE} cannot say which projects it may depend on: tag it and add a depConstraint`,
        file,
        line: rule.line,
        column: 1,
        key: 'no-tags',
      },
    ];
  }
  // Constraints the file does not spell out (a variable, a spread) may name the tags: absence is not shown.
  if (project.tags.some((tag) => rule.sourceTags.includes(tag)) || rule.unreadable !== undefined) return [];
  return [
    {
      message: `no depConstraint of ${BOUNDARY_RULE} has a sourceTag of ${project.name} (${project.tags.join(', ')}): only the catch-all rules apply to what it may import`,
      file,
      line: rule.line,
      column: 1,
      key: 'no-constraint',
    },
  ];
}

export default defineCheck({
  id: 'structure/module-boundary-rules',
  title: 'Nx module boundaries constrain the project',
  planItem: 'structure/boundaries',
  languages: ['typescript'],
  severity: 'info',
  fixedBy: '@shipshape/structure:boundaries',
  requires: [workspaceBoundaryRule],
  description:
    'Where ESLint runs @nx/enforce-module-boundaries, the project has Nx tags and a depConstraint for one of them, so that a new dependency on another project is a deliberate change. Without ESLint or the rule, the check has nothing to say.',
  run,
});
