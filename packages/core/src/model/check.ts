import type { Finding, FindingFix, FindingInput, Language, Severity } from './finding';
import type { ShipshapeProject } from '../project/project';

/**
 * A check: one file, declared with `defineCheck`, registered in its package's `checks` list.
 * `run` returns what it found; an empty list means the project passes.
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
  run(project: ShipshapeProject): Promise<FindingInput[]> | FindingInput[];
}

export function defineCheck(check: Check): Check {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(check.id)) {
    throw new Error(`Check id "${check.id}" must look like "<area>/<name>" in lower-case kebab case.`);
  }
  return Object.freeze({ ...check });
}

/** A phase package's registration, what `shipshape.checks` in its package.json points at exports. */
export interface CheckPackage {
  name: string;
  checks: readonly Check[];
}

export type { Finding, FindingFix, FindingInput };
