import { definePhaseGenerator } from '@shipshape/core';
import { categorizeGenerator } from '../categorize/categorize';
import { featureDetectionGenerator } from '../feature-detection/feature-detection';
import { optionalGroupsGenerator } from '../optional-groups/optional-groups';
import { pruneGenerator } from '../prune/prune';
import { versionRangesGenerator } from '../version-ranges/version-ranges';
import type { PhaseGeneratorSchema } from './schema';

/**
 * Phase 1's dependency fixes, each step on the Tree the previous one left: declare and move, make guarded
 * imports optional, remove what nothing uses (unless --removeUnused=false), normalize ranges, then load
 * optional dependencies on first use.
 */
export const phaseGenerator = definePhaseGenerator<PhaseGeneratorSchema>({
  name: '@shipshape/deps:phase',
  steps: [
    { name: 'categorize', generator: categorizeGenerator },
    { name: 'optional-groups', generator: optionalGroupsGenerator },
    { name: 'prune', generator: pruneGenerator, when: (schema) => schema.removeUnused !== false },
    { name: 'version-ranges', generator: versionRangesGenerator },
    { name: 'feature-detection', generator: featureDetectionGenerator },
  ],
});

export default phaseGenerator;
