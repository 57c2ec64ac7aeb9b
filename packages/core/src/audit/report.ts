import type { Finding, Language, Severity } from '../model/finding';

/** Version of the JSON report format; bump on any incompatible change (see docs/report-format.md). */
export const REPORT_SCHEMA_VERSION = 1;

export interface ReportedFinding extends Finding {
  /**
   * `new`: not in the baseline, counts against the gate. `baseline`: accepted earlier.
   * `ignored`: matched an `ignore` rule of the options, whose reason is shown.
   */
  status: 'new' | 'baseline' | 'ignored';
  ignoreReason?: string;
}

/** A check as the report describes it (SARIF rules, the terminal's plan-item grouping). */
export interface ReportedCheck {
  id: string;
  title: string;
  planItem: string;
  severity: Severity;
  languages: Language[];
  fixedBy?: string;
  description?: string;
  /** Why the check did not run for this project (a prerequisite failed); absent when it ran. */
  skipped?: string;
}

export interface AuditSummary {
  total: number;
  new: number;
  baseline: number;
  ignored: number;
  /** Baseline entries whose finding is gone: the burn-down. */
  fixedSinceBaseline: number;
  bySeverity: Record<Severity, number>;
  /** The gate: failed when a new finding is at or above `failOn`. */
  failOn: Severity | 'never';
  /** `skipped`: some checks could not run on this machine (no Python), so the gate has no answer; it does not pass. */
  gate: 'passed' | 'failed' | 'skipped';
  passed: boolean;
}

/** Something the audit could not do (no python3, a malformed manifest); shown, and it fails the gate. */
export interface AuditProblem {
  file?: string;
  message: string;
  /** `skipped`: part of the audit did not run (e.g. Python checks without python3). */
  kind: 'error' | 'skipped';
}

export interface AuditReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'shipshape'; version: string };
  workspaceRoot: string;
  project: { name: string; root: string; languages: Language[] };
  checks: ReportedCheck[];
  findings: ReportedFinding[];
  problems: AuditProblem[];
  summary: AuditSummary;
}
