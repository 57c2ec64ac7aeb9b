import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { DEFAULTS, PLAN_FILE, ShipshapeError, errorMessage, isShipshapeError, parseCalendarDate, requirePlan } from '@shipshape/core';
import { diskSource, writeFileAtomic } from '@shipshape/core/engine';
import { todayIn } from '../../plan/weeks';
import { buildStatus } from '../../status/build-status';
import { runAudits } from '../../status/run-audits';
import { renderDashboard } from '../../status/dashboard';
import { appendHistory, historyEntry, readHistory } from '../../status/history';
import { renderStatusMarkdown, renderStatusTerminal } from '../../status/render-status';
import type { StatusExecutorSchema } from './schema';

export default async function statusExecutor(options: StatusExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  try {
    const root = context.root;
    const plan = requirePlan(diskSource(root));
    const roots = enrolledRoots(plan.projects, context);
    if (options.audit !== false && plan.projects.length > 0)
      console.log(runAudits(root, plan.projects, options.auditTargetName ?? DEFAULTS.targetName));
    const historyFile = options.historyFile ?? DEFAULTS.historyFile;
    const history = readHistory(join(root, historyFile), historyFile);
    const today = process.env.SHIPSHAPE_TODAY ? parseCalendarDate(process.env.SHIPSHAPE_TODAY, 'SHIPSHAPE_TODAY') : todayIn(plan.timeZone);
    const status = buildStatus({
      workspaceRoot: root,
      plan,
      roots,
      reportsDir: options.reportsDir ?? DEFAULTS.reportsDir,
      today,
      now: new Date(),
      warnings: history.warnings,
    });

    const entry = historyEntry(status);
    appendHistory(join(root, historyFile), entry, historyFile);
    const outputDir = join(root, options.outputDir ?? DEFAULTS.statusDir);
    const markdown = renderStatusMarkdown(status);
    writeFileAtomic(join(outputDir, 'status.json'), `${JSON.stringify(status, null, 2)}\n`);
    writeFileAtomic(join(outputDir, 'status.md'), markdown);
    writeFileAtomic(join(outputDir, 'dashboard.html'), renderDashboard(status, [...history.entries, entry]));
    console.log(renderStatusTerminal(status));
    console.log(`\nDashboard: ${join(outputDir, 'dashboard.html')}`);
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown);
    return { success: !options.failWhenBehind || status.projects.every((p) => p.onTrack) };
  } catch (error) {
    console.error(isShipshapeError(error) ? `Shipshape: ${error.message}` : `Shipshape status failed: ${errorMessage(error)}`);
    return { success: false };
  }
}

function enrolledRoots(projects: string[], context: ExecutorContext): Record<string, string> {
  const known = context.projectsConfigurations.projects;
  const missing = projects.filter((name) => !known[name]);
  if (missing.length > 0) {
    throw new ShipshapeError(
      `the plan enrolls ${missing.map((m) => `"${m}"`).join(', ')}, which ${missing.length > 1 ? 'are not projects' : 'is not a project'} of this workspace; fix "projects" in the plan or re-run nx g @shipshape/pipeline:plan`,
      PLAN_FILE,
    );
  }
  return Object.fromEntries(projects.map((name) => [name, known[name].root]));
}
