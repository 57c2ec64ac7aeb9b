import { logger, type Tree } from '@nx/devkit';
import { findTreeProject, readTreeOptions, type ResolvedOptions, type TreeProject } from '@shipshape/core';
import { analyzeDependencies, completeAnalysis, type ProjectDependencies } from '../../analysis/analyze';
import { treeInput } from '../../analysis/tree-input';
import type { ProblemKind } from '../../analysis/model';
import type { FixOutcome } from '../../fixes/apply-fixes';

export interface TreeAnalysis {
  project: TreeProject;
  options: ResolvedOptions;
  analyzed: ProjectDependencies[];
}

/** The project named by --project, its Shipshape options, and its dependency analysis as the Tree has it now. */
export async function analyzeInTree(tree: Tree, projectName: string | undefined): Promise<TreeAnalysis> {
  const project = findTreeProject(tree, projectName);
  const options = readTreeOptions(tree, project.root);
  const analyzed = completeAnalysis(await analyzeDependencies(treeInput(tree, { name: project.name, root: project.root }, options)));
  return { project, options, analyzed };
}

/** The problems of the given kinds of one analyzed manifest. */
export function problemsOf(analyzed: ProjectDependencies, kinds: readonly ProblemKind[]) {
  return analyzed.problems.filter((p) => kinds.includes(p.kind));
}

/** Tells what a generator did (info) and what it left for the user (a warning listing each item). */
export function reportOutcome(generator: string, project: string, outcomes: FixOutcome[]): void {
  const done = outcomes.flatMap((o) => o.done);
  const left = outcomes.flatMap((o) => o.left);
  for (const line of done) logger.info(`${generator}: ${line}`);
  if (left.length > 0) logger.warn(`${generator} left some dependencies of ${project} for you:\n${left.map((l) => `  - ${l}`).join('\n')}`);
}
