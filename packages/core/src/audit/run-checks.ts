import { failedFactOf, type AnyFact } from '../facts/fact';
import { projectLanguages } from '../facts/project/languages';
import { unparsedTypescript } from '../facts/project/parsed-sources';
import { NESTED_TOO_DEEPLY } from '../facts/project/typescript';
import type { ShipshapeProject } from '../facts/shipshape-project';
import { isCheck, type Check } from '../model/check';
import type { FindingInput } from '../model/finding';
import { errorMessage, IncompleteAuditError, isIncompleteAudit, isShipshapeError } from '../util/errors';
import { recordCheckTime } from './profile';
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
 * A parser that ran out of stack ("Maximum call stack size exceeded") in a check or fact of another package, on a
 * project with a file too deeply nested to parse: that file is named, and what needed it could not judge the
 * project (the audit is incomplete, not failed). Any other error is left as it is.
 */
function explainStackOverflow(project: ShipshapeProject, error: unknown, where: string): unknown {
  if (!(error instanceof Error) || error.name !== 'RangeError' || !/call stack/i.test(error.message)) return error;
  let files: string[];
  try {
    files = project
      .get(unparsedTypescript)
      .filter((f) => f.reason === NESTED_TOO_DEEPLY)
      .map((f) => f.file);
  } catch {
    return error;
  }
  if (files.length === 0) return error;
  return new IncompleteAuditError(
    `${where} could not finish: ${files.join(', ')} ${files.length === 1 ? 'is' : 'are'} ${NESTED_TOO_DEEPLY.replace(/^is /, '')}`,
    files[0],
  );
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
    const problem = problemOf(explainStackOverflow(project, error, where), where);
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
      const where = `the fact ${required.id}`;
      return { reason: report(error, where), unavailable: isIncompleteAudit(explainStackOverflow(project, error, where)) };
    }
  };

  for (const check of orderByRequirements(checks)) {
    const started = performance.now();
    await runOne(check);
    recordCheckTime(project.name, check.id, performance.now() - started);
  }
  return { outcomes: checks.map((check) => outcomes.get(check)!), problems };

  async function runOne(check: Check): Promise<void> {
    let failure: Failure | undefined;
    for (const required of check.requires ?? []) {
      failure = await prerequisiteFailure(required);
      if (failure) break;
    }
    if (failure) {
      outcomes.set(check, { check, findings: [], skipped: failure.reason, ...(failure.unavailable ? { unavailable: true } : {}) });
      return;
    }
    try {
      outcomes.set(check, { check, findings: await check.run(project) });
    } catch (error) {
      const fact = failedFactOf(error);
      const where = fact ? `the fact ${fact}` : `the check ${check.id}`;
      const skipped = report(error, where);
      const unavailable = isIncompleteAudit(explainStackOverflow(project, error, where));
      outcomes.set(check, { check, findings: [], skipped, ...(unavailable ? { unavailable: true } : {}) });
    }
  }
}
