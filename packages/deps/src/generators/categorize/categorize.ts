import { formatFiles, type GeneratorCallback, type Tree } from '@nx/devkit';
import { applyDependencyFixes } from '../../fixes/apply-fixes';
import { analyzeInTree, problemsOf, reportOutcome } from '../shared/tree-analysis';
import type { CategorizeGeneratorSchema } from './schema';

/**
 * `nx g @shipshape/deps:categorize --project=x`: declares what the code imports but the manifest lacks
 * (with the version the workspace resolves) and moves dependencies to the group their use calls for.
 * It never removes a dependency: that is `@shipshape/deps:prune`.
 */
export async function categorizeGenerator(tree: Tree, schema: CategorizeGeneratorSchema): Promise<GeneratorCallback> {
  const { project, analyzed } = await analyzeInTree(tree, schema.project);
  const outcomes = analyzed.map((manifest) => applyDependencyFixes(tree, manifest.facts, problemsOf(manifest, ['missing', 'transitive', 'misplaced', 'types'])));
  reportOutcome('categorize', project.name, outcomes);
  if (!schema.skipFormat) await formatFiles(tree);
  return () => undefined;
}

export default categorizeGenerator;
