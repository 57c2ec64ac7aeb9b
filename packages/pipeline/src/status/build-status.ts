import { join } from 'node:path';
import { ShipshapeError, type PlanFile } from '@shipshape/core';
import { readUserFile, REPORT_SCHEMA_VERSION, type AuditReport } from '@shipshape/core/engine';
import { planWeek } from '../plan/weeks';
import { projectStatus } from './compute-status';
import { STATUS_SCHEMA_VERSION, type StatusReport } from './model';

export interface StatusInput {
  workspaceRoot: string;
  plan: PlanFile;
  /** Enrolled project name → its root, as Nx knows it. */
  roots: Record<string, string>;
  reportsDir: string;
  today: string;
  now: Date;
  warnings: string[];
}

export function buildStatus(input: StatusInput): StatusReport {
  const week = planWeek(input.plan.start, input.today);
  const projects = input.plan.projects.map((name) => {
    const root = input.roots[name];
    return projectStatus(
      name,
      root,
      readAudit(join(input.workspaceRoot, input.reportsDir.replace('{projectRoot}', root), 'audit.json')),
      week,
    );
  });
  return {
    schemaVersion: STATUS_SCHEMA_VERSION,
    generatedAt: input.now.toISOString(),
    today: input.today,
    start: input.plan.start,
    week: week.week,
    weekState: week.state,
    projects,
    warnings: input.warnings,
  };
}

function readAudit(path: string): AuditReport | undefined {
  const text = readUserFile(path);
  if (text === undefined) return undefined;
  let report: { schemaVersion?: unknown };
  try {
    report = JSON.parse(text) as { schemaVersion?: unknown };
  } catch (error) {
    throw new ShipshapeError(`the audit report is not valid JSON (${(error as Error).message}); run the audit again`, path);
  }
  if (report?.schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new ShipshapeError(
      `the audit report has schema version ${JSON.stringify(report?.schemaVersion)}, and this Shipshape reads version ${REPORT_SCHEMA_VERSION}: run the audit again with the installed version`,
      path,
    );
  }
  return report as AuditReport;
}
