import { formatFiles, runTasksInSerial, type GeneratorCallback, type Tree } from '@nx/devkit';
import { categorizeGenerator } from '../categorize/categorize';
import { featureDetectionGenerator } from '../feature-detection/feature-detection';
import { optionalGroupsGenerator } from '../optional-groups/optional-groups';
import { pruneGenerator } from '../prune/prune';
import { versionRangesGenerator } from '../version-ranges/version-ranges';
import type { PhaseGeneratorSchema } from './schema';

/**
 * Phase 1's dependency fixes for one project, each step on the Tree the previous one left: declare and
 * move, make guarded imports optional, remove what nothing uses, normalize ranges, then load optional
 * dependencies on first use.
 */
export async function phaseGenerator(tree: Tree, schema: PhaseGeneratorSchema): Promise<GeneratorCallback> {
  const step = { project: schema.project, skipFormat: true };
  const callbacks: GeneratorCallback[] = [];
  callbacks.push(await categorizeGenerator(tree, step));
  callbacks.push(await optionalGroupsGenerator(tree, step));
  if (schema.removeUnused !== false) callbacks.push(await pruneGenerator(tree, step));
  callbacks.push(await versionRangesGenerator(tree, step));
  callbacks.push(await featureDetectionGenerator(tree, step));
  if (!schema.skipFormat) await formatFiles(tree);
  return runTasksInSerial(...callbacks);
}

export default phaseGenerator;
