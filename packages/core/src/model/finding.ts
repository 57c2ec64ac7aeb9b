import { createHash } from 'node:crypto';

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export type Language = 'typescript' | 'python';

/** How a finding can be fixed: the generator to run, with its options. */
export interface FindingFix {
  generator: string;
  options?: Record<string, unknown>;
  description?: string;
}

/** One thing a check saw. Paths are relative to the workspace root, with forward slashes. */
export interface Finding {
  checkId: string;
  severity: Severity;
  message: string;
  project: string;
  file: string;
  /** 1-based; 0 when the finding is about the file as a whole. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  /**
   * Stable identity for baselines: built from the check id, project, file and a check-chosen key
   * (a field name, an import specifier), never from line numbers, so that unrelated edits keep it.
   */
  fingerprint: string;
  planItem: string;
  fix?: FindingFix;
}

/** What a check reports; the runner fills in the rest from the check and project. */
export interface FindingInput {
  message: string;
  file: string;
  line?: number;
  column?: number;
  /** What distinguishes this finding from others of the same check in the same file. */
  key?: string;
  severity?: Severity;
  fix?: FindingFix;
}

export function fingerprint(parts: { checkId: string; project: string; file: string; key: string }): string {
  return createHash('sha256').update([parts.checkId, parts.project, parts.file, parts.key].join('\u0000')).digest('hex').slice(0, 24);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.project.localeCompare(b.project) ||
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.checkId.localeCompare(b.checkId)
  );
}
