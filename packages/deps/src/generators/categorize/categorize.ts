import { defineFixGenerator } from '@shipshape/core';
import { dependencyFixes } from '../../fixes/apply-fixes';
import { DEPS_OPTIONS } from '../../options';
import { fixEachManifest, problemsOf } from '../shared/manifest-fixes';
import type { CategorizeGeneratorSchema } from './schema';

/**
 * `nx g @shipshape/deps:categorize --project=x`: declares what the code imports but the manifest lacks
 * (with the version the workspace resolves) and moves dependencies to the group their use calls for.
 * It never removes a dependency: that is `@shipshape/deps:prune`.
 */
export const categorizeGenerator = defineFixGenerator<CategorizeGeneratorSchema>({
  name: '@shipshape/deps:categorize',
  sections: [DEPS_OPTIONS],
  fix: ({ project }) =>
    fixEachManifest(project, (manifest) =>
      dependencyFixes(manifest.facts, problemsOf(manifest, ['missing', 'transitive', 'misplaced', 'types'])),
    ),
});

export default categorizeGenerator;
