import { failedFactOf, type AnyFact } from '../facts/fact';
import { projectLanguages } from '../facts/project/languages';
import type { ShipshapeProject } from '../facts/shipshape-project';
import { isCheck, type Check } from '../model/check';
import type { FindingInput } from '../model/finding';
import { errorMessage, isIncompleteAudit, isShipshapeError } from '../util/errors';
import type { AuditProblem } from './report';

export interface CheckOutcome {
  check: Check;
  findings: FindingInput[];
  /** Why the check did not run (a prerequisite failed), or could not finish. */
  skipped?: string;
  /** It did not run because this machine cannot run it (no Python): the audit is incomplete, not passed. */
  unavailable?: boolean;
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
  if (isShipshapeError(error)) return { kind: isIncompleteAudit(error) ? 'skipped' : 'error', file: error.file, message: error.message };
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
  type Failure = { reason: string; unavailable: boolean };
  const prerequisiteFailure = async (required: AnyFact | Check): Promise<Failure | undefined> => {
    if (isCheck(required)) {
      const outcome = outcomes.get(required);
      // A check for another language has nothing to say about this project: it cannot have failed here.
      if (!outcome && !required.languages.some((l) => languages.includes(l))) return undefined;
      if (!outcome) return { reason: `it requires the check ${required.id}, which did not run`, unavailable: false };
      return outcome.skipped
        ? { reason: `it requires the check ${required.id}, which was skipped`, unavailable: outcome.unavailable === true }
        : undefined;
    }
    try {
      await project.get(required);
      return undefined;
    } catch (error) {
      return { reason: report(error, `the fact ${required.id}`), unavailable: isIncompleteAudit(error) };
    }
  };

  for (const check of orderByRequirements(checks)) {
    let failure: Failure | undefined;
    for (const required of check.requires ?? []) {
      failure = await prerequisiteFailure(required);
      if (failure) break;
    }
    if (failure) {
      outcomes.set(check, { check, findings: [], skipped: failure.reason, ...(failure.unavailable ? { unavailable: true } : {}) });
      continue;
    }
    try {
      outcomes.set(check, { check, findings: await check.run(project) });
    } catch (error) {
      const fact = failedFactOf(error);
      const skipped = report(error, fact ? `the fact ${fact}` : `the check ${check.id}`);
      outcomes.set(check, { check, findings: [], skipped, ...(isIncompleteAudit(error) ? { unavailable: true } : {}) });
    }
  }
  return { outcomes: checks.map((check) => outcomes.get(check)!), problems };
}
