import type { AuditReport, ReportedFinding } from '@shipshape/core/engine';

/** A minimal audit report with the given checks and findings, for status tests. */
export function auditReport(
  project: string,
  checks: Array<[id: string, planItem: string]>,
  findings: Array<[checkId: string, planItem: string, status?: ReportedFinding['status']]>,
): AuditReport {
  return {
    schemaVersion: 1,
    tool: { name: 'shipshape', version: '0.0.0' },
    workspaceRoot: '/ws',
    project: { name: project, root: `libs/${project}`, languages: ['typescript'] },
    checks: checks.map(([id, planItem]) => ({ id, title: id, planItem, severity: 'warning', languages: ['typescript'] })),
    findings: findings.map(([checkId, planItem, status = 'new'], i) => ({
      checkId,
      planItem,
      status,
      severity: 'warning',
      message: `finding ${i}`,
      project,
      file: `libs/${project}/package.json`,
      line: i + 1,
      column: 1,
      fingerprint: `f${i}`,
    })),
    problems: [],
    summary: {
      total: findings.length,
      new: findings.length,
      baseline: 0,
      ignored: 0,
      fixedSinceBaseline: 0,
      bySeverity: { info: 0, warning: findings.length, error: 0 },
      failOn: 'error',
      gate: 'passed',
      passed: true,
    },
  };
}
