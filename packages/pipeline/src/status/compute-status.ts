import { PLAN_ITEMS, type PlanItem } from '@shipshape/core';
import type { AuditReport } from '@shipshape/core/engine';
import type { PlanWeek } from '../plan/weeks';
import type { ItemState, ItemStatus, ProjectStatus } from './model';

/**
 * The state of one plan item for one project, from its audit: `done` when the item has checks and none
 * finds anything at warning or above (info findings are suggestions: counted, never blocking); `partly`
 * when some of its checks pass and others still find something; `not-started` when every check of the
 * item still finds something; `no-check` when no installed package checks it yet.
 */
export function itemStatus(item: PlanItem, report: AuditReport | undefined): ItemStatus {
  const base = { id: item.id, title: item.title, phase: item.phase, weeks: item.weeks };
  if (!report) return { ...base, state: 'not-audited', findings: 0, checks: [], details: [] };
  const checks = report.checks.filter((check) => check.planItem === item.id).map((check) => check.id);
  const findings = report.findings.filter((f) => f.planItem === item.id && f.status !== 'ignored');
  const details = findings.map(({ checkId, severity, message, file, line, column }) => ({
    checkId,
    severity,
    message,
    file,
    line,
    column,
  }));
  const blocking = findings.filter((f) => f.severity !== 'info').map((f) => f.checkId);
  return { ...base, state: stateOf(checks, blocking), findings: findings.length, checks, details };
}

function stateOf(checks: string[], findingChecks: string[]): ItemState {
  if (checks.length === 0) return 'no-check';
  if (findingChecks.length === 0) return 'done';
  const failing = new Set(findingChecks);
  return checks.some((check) => !failing.has(check)) ? 'partly' : 'not-started';
}

/** A project is on track when every item whose phase is over is done (items nobody checks yet do not count). */
export function projectStatus(name: string, root: string, report: AuditReport | undefined, week: PlanWeek): ProjectStatus {
  const items = PLAN_ITEMS.map((item) => itemStatus(item, report));
  const behind = items
    .filter((item) => item.weeks[1] < week.week && item.state !== 'done' && item.state !== 'no-check')
    .map((item) => item.id);
  return { name, root, onTrack: behind.length === 0, behind, findings: items.reduce((sum, item) => sum + item.findings, 0), items };
}
