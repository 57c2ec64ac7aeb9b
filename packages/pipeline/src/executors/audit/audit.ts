import type { ExecutorContext } from '@nx/devkit';
import { DEFAULTS, errorMessage, isShipshapeError, toPosixRelative } from '@shipshape/core';
import { auditProject, fromNxGraph, renderTerminal } from '@shipshape/core/engine';
import { appendFileSync, readFileSync } from 'node:fs';
import type { AuditExecutorSchema } from './schema';

export default async function auditExecutor(options: AuditExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectName = context.projectName;
  const project = projectName ? context.projectsConfigurations.projects[projectName] : undefined;
  if (!projectName || !project) {
    console.error('The Shipshape audit must run as a project target (nx run <project>:audit).');
    return { success: false };
  }
  const { updateBaseline, ...shipshapeOptions } = options;
  try {
    const { report, files, baselineWritten } = await auditProject({
      workspaceRoot: context.root,
      projectName,
      projectRoot: project.root,
      options: shipshapeOptions,
      optionsSource: `the ${context.targetName ?? DEFAULTS.targetName} options of ${projectName} (nx.json plugin options or the project's target options)`,
      updateBaseline,
      tags: project.tags,
      graph: context.projectGraph ? fromNxGraph(context.projectGraph) : undefined,
    });
    console.log(renderTerminal([report], { color: process.stdout.isTTY === true && !process.env.NO_COLOR }));
    if (baselineWritten) console.log(`Baseline written: ${toPosixRelative(context.root, baselineWritten)}`);
    console.log(`Reports: ${[files.json, files.sarif, files.markdown].map((f) => toPosixRelative(context.root, f)).join(', ')}`);
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, readFileSync(files.markdown, 'utf8'));
    return { success: report.summary.passed };
  } catch (error) {
    console.error(isShipshapeError(error) ? `Shipshape: ${error.message}` : `Shipshape audit failed: ${errorMessage(error)}`);
    return { success: false };
  }
}
