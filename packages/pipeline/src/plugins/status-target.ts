import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetConfiguration } from '@nx/devkit';
import type { ResolvedOptions } from '@shipshape/core';
import { PLAN_FILE, parsePlan } from '../plan/plan-file';

/**
 * The workspace-level status target, on the root project. It depends on the audit of every enrolled project,
 * so Nx runs those first (from its cache when nothing changed) and the status only reads their reports.
 */
export function statusProject(workspaceRoot: string, options: ResolvedOptions): { targets: Record<string, TargetConfiguration> } {
  const enrolled = enrolledProjects(workspaceRoot);
  const target: TargetConfiguration = {
    executor: '@shipshape/pipeline:status',
    cache: false,
    options: options.reportsDir === 'reports/shipshape/{projectRoot}' ? {} : { reportsDir: options.reportsDir },
    metadata: { description: 'Where every enrolled project stands on the ten-week Shipshape plan: terminal table, Markdown, JSON, history and an HTML dashboard.', technologies: ['shipshape'] },
  };
  if (enrolled.length > 0) target.dependsOn = [{ target: options.targetName, projects: enrolled }];
  return { targets: { [options.statusTargetName]: target } };
}

/** The plan's projects; a malformed plan infers no dependencies and the status target reports the problem. */
function enrolledProjects(workspaceRoot: string): string[] {
  const path = join(workspaceRoot, PLAN_FILE);
  if (!existsSync(path)) return [];
  try {
    return parsePlan(readFileSync(path, 'utf8')).projects;
  } catch {
    return [];
  }
}
