import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { auditProjectsServed } from '@shipshape/core/audit-client';
import { auditOutput } from './report-output';
import { auditRequest, failureLine } from './request';
import type { AuditExecutorSchema } from './schema';

/**
 * The audits of many projects in one process (Nx's batch mode): one workspace for all of them, so that
 * workspace facts and the Python interpreter are found once; Nx still caches each project's result on its own.
 * A large batch is shared out to a thread per core; a smaller one goes to the workspace's audit service where it
 * runs (core's auditProjectsServed).
 */
export default async function* auditBatchExecutor(
  taskGraph: TaskGraph,
  inputs: Record<string, AuditExecutorSchema>,
  overrides: AuditExecutorSchema,
  context: ExecutorContext,
): AsyncGenerator<{ task: string; result: { success: boolean; terminalOutput: string } }> {
  const tasks = Object.keys(inputs).map((id) => ({ id, task: taskGraph.tasks[id], options: { ...inputs[id], ...overrides } }));
  const requests = tasks.map(({ id, task, options }) => {
    const name = task.target.project;
    const project = context.projectsConfigurations.projects[name];
    return {
      id,
      options,
      request: auditRequest(
        context.root,
        { name, root: project.root, tags: project.tags },
        options,
        task.target.target,
        context.projectGraph,
      ),
    };
  });
  const byRequest = new Map(requests.map((r) => [r.request, r]));
  for await (const { request, result, error } of auditProjectsServed(requests.map((r) => r.request))) {
    const { id: task, options } = byRequest.get(request)!;
    if (result)
      yield { task, result: { success: result.report.summary.passed, terminalOutput: auditOutput(context.root, result, options) } };
    else yield { task, result: { success: false, terminalOutput: failureLine(error) } };
  }
}
