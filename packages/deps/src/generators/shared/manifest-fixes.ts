import type { FixResult, ShipshapeProject } from '@shipshape/core';
import { completeAnalysis, type ProjectDependencies } from '../../analysis/dependency-analysis';
import type { ProblemKind } from '../../analysis/model';

/**
 * The fixes of every manifest of the project (a package.json, a pyproject.toml, or both), as one result. A
 * manifest that cannot be analyzed (malformed, or no Python) stops the generator: it needs the whole picture.
 */
export async function fixEachManifest(
  project: ShipshapeProject,
  fix: (manifest: ProjectDependencies) => FixResult | Promise<FixResult>,
): Promise<FixResult> {
  const results: FixResult[] = [];
  for (const manifest of await completeAnalysis(project)) results.push(await fix(manifest));
  return {
    changes: results.flatMap((r) => r.changes ?? []),
    done: results.flatMap((r) => r.done ?? []),
    left: results.flatMap((r) => r.left ?? []),
  };
}

/** The problems of the given kinds of one analyzed manifest. */
export function problemsOf(analyzed: ProjectDependencies, kinds: readonly ProblemKind[]) {
  return analyzed.problems.filter((p) => kinds.includes(p.kind));
}
