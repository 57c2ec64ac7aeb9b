import type { AuditReport, ReportedCheck, ReportedFinding } from '../audit/report';
import { compareFindings } from '../model/finding';
import { findPlanItem, PLAN_ITEMS } from '../model/plan';

/** `file:line:column`, dropping the parts that are 0 (unknown or whole-file). */
export function formatLocation(finding: { file: string; line: number; column: number }): string {
  if (finding.line <= 0) return finding.file;
  if (finding.column <= 0) return `${finding.file}:${finding.line}`;
  return `${finding.file}:${finding.line}:${finding.column}`;
}

export function planItemTitle(planItemId: string): string {
  return findPlanItem(planItemId)?.title ?? planItemId;
}

/** The `nx g` command that fixes a finding, from its own fix or else its check's `fixedBy`; none when ignored. */
export function fixCommand(finding: ReportedFinding, check?: ReportedCheck): string | undefined {
  if (finding.status === 'ignored') return undefined;
  const generator = finding.fix?.generator ?? check?.fixedBy;
  if (!generator) return undefined;
  const options = Object.entries(finding.fix?.options ?? {})
    .filter(([name, value]) => name !== 'project' && isScalar(value))
    .map(([name, value]) => `--${name}=${shellQuote(String(value))}`);
  return ['nx', 'g', generator, `--project=${shellQuote(finding.project)}`, ...options].join(' ');
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function checksById(report: AuditReport): Map<string, ReportedCheck> {
  return new Map(report.checks.map((check) => [check.id, check]));
}

/** Reports in project-name order, so that every reporter prints them the same way. */
export function sortReports(reports: readonly AuditReport[]): AuditReport[] {
  return [...reports].sort((a, b) => a.project.name.localeCompare(b.project.name));
}

export interface PlanItemGroup {
  planItem: string;
  title: string;
  findings: ReportedFinding[];
}

/** Findings grouped by plan item, in the plan's order (unknown items last), each group sorted. */
export function groupByPlanItem(findings: readonly ReportedFinding[]): PlanItemGroup[] {
  const groups = new Map<string, ReportedFinding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.planItem) ?? [];
    group.push(finding);
    groups.set(finding.planItem, group);
  }
  return [...groups.keys()]
    .sort((a, b) => planOrder(a) - planOrder(b) || a.localeCompare(b))
    .map((planItem) => ({
      planItem,
      title: planItemTitle(planItem),
      findings: [...(groups.get(planItem) ?? [])].sort(compareFindings),
    }));
}

function planOrder(planItemId: string): number {
  const index = PLAN_ITEMS.findIndex((item) => item.id === planItemId);
  return index === -1 ? PLAN_ITEMS.length : index;
}
