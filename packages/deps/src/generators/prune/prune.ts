import { defineFixGenerator } from '@shipshape/core';
import { dependencyFixes } from '../../fixes/apply-fixes';
import { DEPS_OPTIONS } from '../../options';
import { fixEachManifest, problemsOf } from '../shared/manifest-fixes';
import type { PruneGeneratorSchema } from './schema';

/**
 * `nx g @shipshape/deps:prune --project=x`: REMOVES the declared dependencies that nothing uses (no import,
 * script, configuration or tsconfig) and standard-library modules declared as Python requirements.
 */
export const pruneGenerator = defineFixGenerator<PruneGeneratorSchema>({
  name: '@shipshape/deps:prune',
  sections: [DEPS_OPTIONS],
  fix: ({ project }) => fixEachManifest(project, (manifest) => dependencyFixes(manifest.facts, problemsOf(manifest, ['unused', 'stdlib']))),
});

export default pruneGenerator;
