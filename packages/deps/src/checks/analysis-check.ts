import { defineCheck, type Check, type Severity, type ShipshapeProject } from '@shipshape/core';
import { analyzedManifests } from '../analysis/dependency-analysis';
import type { ProblemKind } from '../analysis/model';

/** The plan item each kind of problem belongs to, and the generator that fixes it. */
const PLAN: Record<ProblemKind, { planItem: string; fixedBy: string }> = {
  missing: { planItem: 'deps/categorize', fixedBy: '@shipshape/deps:categorize' },
  transitive: { planItem: 'deps/categorize', fixedBy: '@shipshape/deps:categorize' },
  misplaced: { planItem: 'deps/categorize', fixedBy: '@shipshape/deps:categorize' },
  types: { planItem: 'deps/categorize', fixedBy: '@shipshape/deps:categorize' },
  unused: { planItem: 'deps/categorize', fixedBy: '@shipshape/deps:prune' },
  stdlib: { planItem: 'deps/categorize', fixedBy: '@shipshape/deps:prune' },
  optional: { planItem: 'deps/optional-groups', fixedBy: '@shipshape/deps:optional-groups' },
  'unguarded-optional': { planItem: 'deps/feature-detection', fixedBy: '@shipshape/deps:feature-detection' },
};

type Described = Pick<Check, 'title' | 'description' | 'requires'> & { languages?: Check['languages'] };

/**
 * A check that reports problems of one kind of the dependency analysis (computed once per run for every check
 * and generator): its plan item and generator follow from the kind. `severity` is the most a finding of it is:
 * each finding keeps the severity the analysis gave it (how sure, how broken), unless the user set one for the check.
 */
export function analysisCheck(id: string, severity: Severity, kind: ProblemKind, described: Described): Check {
  return defineCheck({
    id,
    severity,
    languages: ['typescript', 'python'],
    ...PLAN[kind],
    ...described,
    title: described.title,
    run: async (project) => findingsOf(project, id, kind),
  });
}

async function findingsOf(project: ShipshapeProject, checkId: string, kind: ProblemKind) {
  const configured = project.options.checks[checkId] !== undefined;
  return (await analyzedManifests(project)).flatMap(({ problems }) =>
    problems
      .filter((p) => p.kind === kind)
      .map((p) => ({
        message: p.message,
        file: p.file,
        line: p.line,
        column: p.column,
        key: p.key,
        ...(p.severity && !configured ? { severity: p.severity } : {}),
      })),
  );
}
