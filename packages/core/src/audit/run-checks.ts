import { isPythonUnavailable } from '../adapters/python';
import { failedFactOf, type AnyFact } from '../facts/fact';
import { projectLanguages } from '../facts/project/languages';
import type { ShipshapeProject } from '../facts/shipshape-project';
import { isCheck, type Check } from '../model/check';
import type { FindingInput } from '../model/finding';
import { errorMessage, isShipshapeError } from '../util/errors';
import type { AuditProblem } from './report';

export interface CheckOutcome {
  check: Check;
  findings: FindingInput[];
  /** Why the check did not run (a prerequisite failed), or could not finish. */
  skipped?: string;
}

/** Checks in an order where every check comes after the checks it requires; a requirement outside the list is left to `runChecks`. */
export function orderByRequirements(checks: readonly Check[]): Check[] {
  const ordered: Check[] = [];
  const state = new Map<Check, 'visiting' | 'done'>();
  const visit = (check: Check, path: string[]) => {
    if (state.get(check) === 'done') return;
    if (state.get(check) === 'visiting') throw new Error(`the checks ${[...path, check.id].join(' → ')} require each other in a cycle`);
    state.set(check, 'visiting');
    for (const required of check.requires ?? []) if (isCheck(required) && checks.includes(required)) visit(required, [...path, check.id]);
    state.set(check, 'done');
    ordered.push(check);
  };
  for (const check of checks) visit(check, []);
  return ordered;
}

/** The problem a failure becomes: the user's to fix (a malformed file, no Python), or Shipshape's (a bug). */
function problemOf(error: unknown, where: string): AuditProblem {
  if (isShipshapeError(error)) return { kind: isPythonUnavailable(error) ? 'skipped' : 'error', file: error.file, message: error.message };
  return { kind: 'error', message: `${where} failed unexpectedly: ${errorMessage(error)}` };
}

/**
 * Runs the checks on one project: each after what it requires. A failed fact is reported once, as the
 * problem it is; every check that needed it is skipped with that reason instead of failing on its own.
 */
export async function runChecks(
  project: ShipshapeProject,
  checks: readonly Check[],
): Promise<{ outcomes: CheckOutcome[]; problems: AuditProblem[] }> {
  const problems: AuditProblem[] = [];
  const reported = new Set<string>();
  const outcomes = new Map<Check, CheckOutcome>();
  const languages = project.get(projectLanguages);
  const report = (error: unknown, where: string): string => {
    const problem = problemOf(error, where);
    const key = failedFactOf(error) ?? problem.message;
    if (!reported.has(key)) {
      reported.add(key);
      problems.push(problem);
    }
    return problem.message;
  };
  const prerequisiteFailure = async (required: AnyFact | Check): Promise<string | undefined> => {
    if (isCheck(required)) {
      const outcome = outcomes.get(required);
      // A check for another language has nothing to say about this project: it cannot have failed here.
      if (!outcome && !required.languages.some((l) => languages.includes(l))) return undefined;
      if (!outcome) return `it requires the check ${required.id}, which did not run`;
      return outcome.skipped ? `it requires the check ${required.id}, which was skipped` : undefined;
    }
    try {
      await project.get(required);
      return undefined;
    } catch (error) {
      return report(error, `the fact ${required.id}`);
    }
  };

  for (const check of orderByRequirements(checks)) {
    let skipped: string | undefined;
    for (const required of check.requires ?? []) {
      skipped = await prerequisiteFailure(required);
      if (skipped) break;
    }
    if (skipped) {
      outcomes.set(check, { check, findings: [], skipped });
      continue;
    }
    try {
      outcomes.set(check, { check, findings: await check.run(project) });
    } catch (error) {
      const fact = failedFactOf(error);
      outcomes.set(check, { check, findings: [], skipped: report(error, fact ? `the fact ${fact}` : `the check ${check.id}`) });
    }
  }
  return { outcomes: checks.map((check) => outcomes.get(check)!), problems };
}
