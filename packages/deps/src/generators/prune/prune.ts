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
  fix: ({ project }) =>
    fixEachManifest(project, (manifest) => {
      const fixes = dependencyFixes(manifest.facts, problemsOf(manifest, ['unused', 'stdlib']));
      // What a file that does not parse imports is unknown: the analysis calls nothing unused until it parses.
      const note = manifest.unparsed
        ? [
            `${manifest.facts.manifest.file}: nothing was removed as unused, because some of the project's source files do not parse (the audit names them)`,
          ]
        : [];
      return { ...fixes, left: [...(fixes.left ?? []), ...note] };
    }),
});

export default pruneGenerator;
