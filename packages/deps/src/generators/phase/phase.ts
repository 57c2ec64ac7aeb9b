import { defineFixGenerator, definePhaseGenerator } from '@shipshape/core';
import { dependencyFixes } from '../../fixes/apply-fixes';
import { DEPS_OPTIONS } from '../../options';
import { categorizeGenerator } from '../categorize/categorize';
import { featureDetectionGenerator } from '../feature-detection/feature-detection';
import { optionalGroupsGenerator } from '../optional-groups/optional-groups';
import { notJudged, pruneGenerator } from '../prune/prune';
import { fixEachManifest, problemsOf } from '../shared/manifest-fixes';
import { versionRangesGenerator } from '../version-ranges/version-ranges';
import type { PhaseGeneratorSchema } from './schema';

/**
 * What `prune` would remove, when the phase was not asked to remove anything: listed for the user with the
 * command that removes it. Writes nothing.
 */
export const unusedReport = defineFixGenerator<{ project: string; skipFormat?: boolean }>({
  name: '@shipshape/deps:phase',
  sections: [DEPS_OPTIONS],
  fix: ({ project }) =>
    fixEachManifest(project, (manifest) => ({
      left: [
        ...problemsOf(manifest, ['unused', 'stdlib']).flatMap((problem) => {
          // what prune would do with it: remove it, or leave it to the user (unsure, a tool's table, no PEP 621 table)
          const { done, left } = dependencyFixes(manifest.facts, [problem]);
          return done?.length
            ? [
                `${problem.file}: ${problem.message} (kept: the phase removes nothing unless asked; nx g @shipshape/deps:prune --project=${project.name} removes it)`,
              ]
            : (left ?? []);
        }),
        ...(manifest.unparsed ? [notJudged(manifest.facts.manifest.file, manifest.unparsed, 'no dependency can be called unused')] : []),
      ],
    })),
});

/**
 * Phase 1's dependency fixes, each step on the Tree the previous one left: declare and move, make guarded
 * imports optional, normalize ranges, then load optional dependencies on first use. Removing what nothing uses
 * is destructive, so it is opt-in (--removeUnused); without it, what prune would remove is listed.
 */
export const phaseGenerator = definePhaseGenerator<PhaseGeneratorSchema>({
  name: '@shipshape/deps:phase',
  steps: [
    { name: 'categorize', generator: categorizeGenerator },
    { name: 'optional-groups', generator: optionalGroupsGenerator },
    { name: 'prune', generator: pruneGenerator, when: (schema) => schema.removeUnused === true },
    { name: 'prune --dry-run', generator: unusedReport, when: (schema) => schema.removeUnused !== true },
    { name: 'version-ranges', generator: versionRangesGenerator },
    { name: 'feature-detection', generator: featureDetectionGenerator },
  ],
});

export default phaseGenerator;
