import type { ExecutorContext } from '@nx/devkit';
import { auditProjectsServed } from '@shipshape/core/audit-client';
import { auditOutput } from './report-output';
import { auditRequest, failureLine } from './request';
import type { AuditExecutorSchema } from './schema';

export default async function auditExecutor(options: AuditExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectName = context.projectName;
  const project = projectName ? context.projectsConfigurations.projects[projectName] : undefined;
  if (!projectName || !project) {
    console.error('The Shipshape audit must run as a project target (nx run <project>:audit).');
    return { success: false };
  }
  try {
    const request = auditRequest(
      context.root,
      { name: projectName, root: project.root, tags: project.tags },
      options,
      context.targetName,
      context.projectGraph,
    );
    for await (const { result, error } of auditProjectsServed([request])) {
      if (error !== undefined || !result) throw error;
      console.log(auditOutput(context.root, result, options));
      return { success: result.report.summary.passed };
    }
    throw new Error('the audit produced no result');
  } catch (error) {
    console.error(failureLine(error));
    return { success: false };
  }
}
