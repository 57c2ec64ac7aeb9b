import type { AnyFact } from '../facts/fact';
import type { ShipshapeProject } from '../facts/shipshape-project';
import type { Finding, FindingFix, FindingInput, Language, Severity } from './finding';
import { findPlanItem } from './plan';

/**
 * A check: one file, declared with `defineCheck`, registered in its package's `checks` list. `run` returns
 * what it found; an empty list means the project passes.
 */
export interface Check {
  /** Stable id, `<area>/<name>`, e.g. `structure/missing-init-py`. */
  id: string;
  /** One-line title, shown in reports and SARIF rule descriptions. */
  title: string;
  /** Plan item id from the ten-week plan, e.g. `structure/package-metadata`. */
  planItem: string;
  languages: readonly Language[];
  severity: Severity;
  /** The generator that fixes what this check finds, e.g. `@shipshape/structure:metadata`. */
  fixedBy?: string;
  /** Longer explanation; becomes the SARIF rule help. */
  description?: string;
  /**
   * What the check needs first: facts (computed before it runs; one that fails skips the check with its
   * reason) and other checks (one that could not run, or was skipped, skips this one too).
   */
  requires?: ReadonlyArray<AnyFact | Check>;
  run(project: ShipshapeProject): Promise<FindingInput[]> | FindingInput[];
}

const LANGUAGES: readonly Language[] = ['typescript', 'python'];

/** Declares a check, refusing at load time an id, plan item, language or generator name that cannot be right. */
export function defineCheck(check: Check): Check {
  const fail = (problem: string) => {
    throw new Error(`Check "${check.id}": ${problem}`);
  };
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(check.id)) fail('its id must look like "<area>/<name>" in lower-case kebab case.');
  if (!findPlanItem(check.planItem)) fail(`its plan item "${check.planItem}" is not an item of the ten-week plan.`);
  if (check.languages.length === 0 || check.languages.some((l) => !LANGUAGES.includes(l)))
    fail(`its languages must be some of ${LANGUAGES.join(', ')}.`);
  if (check.fixedBy !== undefined && !/^(@[a-z0-9-]+\/)?[a-z0-9-]+:[a-z0-9-]+$/.test(check.fixedBy))
    fail(`fixedBy "${check.fixedBy}" must name a generator as "<package>:<generator>".`);
  return Object.freeze({ ...check });
}

export function isCheck(value: AnyFact | Check): value is Check {
  return 'run' in value && 'planItem' in value;
}

/** A phase package's registration, what `shipshape.checks` in its package.json points at exports. */
export interface CheckPackage {
  name: string;
  checks: readonly Check[];
}

export type { Finding, FindingFix, FindingInput };
