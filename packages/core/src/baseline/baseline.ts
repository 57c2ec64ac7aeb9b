import type { Finding } from '../model/finding';
import { ShipshapeError } from '../util/errors';
import { writeFileAtomic } from '../util/atomic-write';
import { readUserFile } from '../util/read-user-file';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  checkId: string;
  file: string;
  /** Kept for the reader of the committed file; matching uses the fingerprint alone. */
  message: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

export interface BaselineComparison {
  newFindings: Finding[];
  baselineFindings: Finding[];
  /** Entries of the baseline that no longer occur: what was burnt down. */
  fixed: BaselineEntry[];
}

export function readBaseline(path: string, shownPath = path): Baseline | undefined {
  const text = readUserFile(path, shownPath);
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ShipshapeError(
      `the baseline is not valid JSON (${(error as Error).message}); fix it or rewrite it with --update-baseline`,
      shownPath,
    );
  }
  const baseline = data as Partial<Baseline>;
  if (baseline?.version !== BASELINE_VERSION || !Array.isArray(baseline.findings) || !baseline.findings.every(isEntry)) {
    throw new ShipshapeError(
      `not a Shipshape baseline (expected {"version": ${BASELINE_VERSION}, "findings": [...]}); rewrite it with --update-baseline`,
      shownPath,
    );
  }
  return baseline as Baseline;
}

function isEntry(entry: unknown): entry is BaselineEntry {
  return typeof entry === 'object' && entry !== null && typeof (entry as BaselineEntry).fingerprint === 'string';
}

export function compareWithBaseline(findings: Finding[], baseline: Baseline | undefined): BaselineComparison {
  const accepted = new Map((baseline?.findings ?? []).map((entry) => [entry.fingerprint, entry]));
  const seen = new Set<string>();
  const newFindings: Finding[] = [];
  const baselineFindings: Finding[] = [];
  for (const finding of findings) {
    if (accepted.has(finding.fingerprint)) {
      baselineFindings.push(finding);
      seen.add(finding.fingerprint);
    } else {
      newFindings.push(finding);
    }
  }
  const fixed = [...accepted.values()].filter((entry) => !seen.has(entry.fingerprint));
  return { newFindings, baselineFindings, fixed };
}

export function createBaseline(findings: Finding[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const { fingerprint, checkId, file, message } of findings) entries.set(fingerprint, { fingerprint, checkId, file, message });
  const sorted = [...entries.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.checkId.localeCompare(b.checkId) || a.fingerprint.localeCompare(b.fingerprint),
  );
  return { version: BASELINE_VERSION, findings: sorted };
}

export function writeBaseline(path: string, baseline: Baseline, shownPath = path): void {
  writeFileAtomic(path, `${JSON.stringify(baseline, null, 2)}\n`, shownPath);
}
