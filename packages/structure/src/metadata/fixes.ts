import type { FindingFix, FindingInput, ShipshapeProject } from '@shipshape/core';

export const METADATA_GENERATOR = '@shipshape/structure:metadata';

/** Marks a finding as fixed by the metadata generator (for checks where only some findings are: missing fields, not wrong values). */
export function fillableBy(project: ShipshapeProject, finding: FindingInput): FindingInput {
  const fix: FindingFix = {
    generator: METADATA_GENERATOR,
    options: { project: project.name },
    description: 'fills the field from the workspace (git remote, root package.json, LICENSE, README)',
  };
  return { ...finding, fix };
}
