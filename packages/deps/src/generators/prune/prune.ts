import { formatFiles, type GeneratorCallback, type Tree } from '@nx/devkit';
import { applyDependencyFixes } from '../../fixes/apply-fixes';
import { analyzeInTree, problemsOf, reportOutcome } from '../shared/tree-analysis';
import type { PruneGeneratorSchema } from './schema';

/**
 * `nx g @shipshape/deps:prune --project=x`: REMOVES the declared dependencies that nothing uses (no import,
 * script, configuration or tsconfig) and standard-library modules declared as Python requirements.
 */
export async function pruneGenerator(tree: Tree, schema: PruneGeneratorSchema): Promise<GeneratorCallback> {
  const { project, analyzed } = await analyzeInTree(tree, schema.project);
  const outcomes = analyzed.map((manifest) => applyDependencyFixes(tree, manifest.facts, problemsOf(manifest, ['unused', 'stdlib'])));
  reportOutcome('prune', project.name, outcomes);
  if (!schema.skipFormat) await formatFiles(tree);
  return () => undefined;
}

export default pruneGenerator;
