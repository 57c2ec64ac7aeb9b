import { formatFiles, type GeneratorCallback, type Tree } from '@nx/devkit';
import { findRangeProblems } from '../../analysis/version-ranges';
import { applyRangeFixes } from '../../fixes/apply-fixes';
import { analyzeInTree, reportOutcome } from '../shared/tree-analysis';
import type { VersionRangesGeneratorSchema } from './schema';

/**
 * `nx g @shipshape/deps:version-ranges --project=x`: rewrites the ranges the policy rejects (`*`, exact
 * pins, narrow peers, missing lower bounds, upper caps) from what the workspace resolves; a range it cannot
 * replace (a URL with nothing installed) is listed for the user.
 */
export async function versionRangesGenerator(tree: Tree, schema: VersionRangesGeneratorSchema): Promise<GeneratorCallback> {
  const { project, options, analyzed } = await analyzeInTree(tree, schema.project);
  const outcomes = analyzed.map(({ facts }) => applyRangeFixes(tree, facts, findRangeProblems(facts, options.deps ?? {})));
  reportOutcome('version-ranges', project.name, outcomes);
  if (!schema.skipFormat) await formatFiles(tree);
  return () => undefined;
}

export default versionRangesGenerator;
