import { defineFixGenerator } from '@shipshape/core';
import { findRangeProblems } from '../../analysis/version-ranges';
import { rangeFixes } from '../../fixes/apply-fixes';
import { DEPS_OPTIONS, depsOptions } from '../../options';
import { fixEachManifest } from '../shared/manifest-fixes';
import type { VersionRangesGeneratorSchema } from './schema';

/**
 * `nx g @shipshape/deps:version-ranges --project=x`: rewrites the ranges the policy rejects (`*`, exact
 * pins, narrow peers, missing lower bounds, upper caps) from what the workspace resolves; a range it cannot
 * replace (a URL with nothing installed) is listed for the user.
 */
export const versionRangesGenerator = defineFixGenerator<VersionRangesGeneratorSchema>({
  name: '@shipshape/deps:version-ranges',
  sections: [DEPS_OPTIONS],
  fix: ({ project }) => fixEachManifest(project, ({ facts }) => rangeFixes(facts, findRangeProblems(facts, depsOptions(project)))),
});

export default versionRangesGenerator;
