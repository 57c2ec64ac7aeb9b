/** A semver bump; `none` when the reports are the same. */
export type Bump = 'major' | 'minor' | 'patch' | 'none';

/** One classified change of a report. */
export interface ApiChange {
  /** The API name it is about: `area`, `Shape.sides`, `pylib.greet.greet(name)`. */
  name: string;
  /** What happened, a stable word for tools: `removed`, `added`, `parameter-added-required`, … */
  kind: string;
  bump: Exclude<Bump, 'none'>;
  /** The reason, for a person. */
  reason: string;
}

/** The classification of one report's difference. */
export interface ReportDiff {
  /** Project-relative report file. */
  report: string;
  /** The entry ('.', './utils') or the Python package. */
  entry: string;
  /** `changed`, `added` (no report before), `removed` (the entry is gone), `same`. */
  status: 'changed' | 'added' | 'removed' | 'same';
  bump: Bump;
  changes: ApiChange[];
}

/**
 * The JSON the release phase reads (`api/semver.json` from the generator, `reports/shipshape/<root>/api.json`
 * from the `api` target): the bump of the whole project (the largest of its reports) and why.
 */
export interface SemverFile {
  $schema?: string;
  version: 1;
  project: string;
  language: 'typescript' | 'python';
  /** What the reports were compared with: `committed` (the api/ reports) or a git tag (`v1.2.0`). */
  baseline: string;
  bump: Bump;
  reports: ReportDiff[];
}

const ORDER: Bump[] = ['none', 'patch', 'minor', 'major'];

export function maxBump(...bumps: Bump[]): Bump {
  return bumps.reduce<Bump>((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'none');
}

/** The bump of a list of changes; `patch` when the text changed but no change of the API was found. */
export function bumpOf(changes: readonly ApiChange[], textChanged: boolean): Bump {
  const bump = maxBump(...changes.map((c) => c.bump));
  return bump === 'none' && textChanged ? 'patch' : bump;
}

/** Lines a person reads: `major  removed  area: area was removed`. */
export function describeDiff(diff: ReportDiff): string[] {
  const head = `${diff.report} (${diff.entry}): ${diff.status === 'same' ? 'unchanged' : `${diff.status}, ${diff.bump}`}`;
  return [head, ...diff.changes.map((c) => `  ${c.bump.padEnd(5)} ${c.name}: ${c.reason}`)];
}

/** The fenced code of a report (api-extractor's ```ts block, Shipshape's ```python block). */
export function reportCode(text: string): string {
  const match = /```(?:ts|python)\r?\n([\s\S]*?)\r?\n```/.exec(text);
  return match ? match[1] : '';
}
