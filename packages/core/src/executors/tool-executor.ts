import type { ExecutorContext } from '@nx/devkit';
import type { FindingInput } from '../model/finding';
import { errorMessage, isShipshapeError } from '../util/errors';
import { findTool, type ToolBinary } from './find-tool';
import { runProcess, type ProcessResult } from '../util/run-process';

/** Where a guard runs: the workspace, the project, and the options its target was given. */
export interface GuardContext {
  workspaceRoot: string;
  projectName: string;
  projectRoot: string;
  /** Absolute folder the tool runs in (the project's). */
  cwd: string;
}

export interface ToolExecutorSpec<O> {
  tool: ToolBinary;
  /** Arguments after the tool's command. */
  args(options: O, context: GuardContext): string[];
  /** What the run found, from its output or the report it wrote. */
  findings(run: ProcessResult, context: GuardContext): FindingInput[];
  /** Default 10 minutes; a target's `timeoutSeconds` option overrides it. */
  timeoutMs?: number;
  /** A run passes when the tool exits 0 (default), or as this says. */
  passed?(run: ProcessResult, findings: FindingInput[]): boolean;
}

/**
 * An executor for a guard that runs a real tool: find the user's installed binary (or say how to install it),
 * run it bounded in time with its output streamed, turn its report into findings with file and line, print
 * them, and fail the target when the gate fails.
 */
export function defineToolExecutor<O extends { timeoutSeconds?: number }>(spec: ToolExecutorSpec<O>) {
  return async (options: O, context: ExecutorContext): Promise<{ success: boolean; findings?: FindingInput[] }> => {
    const name = context.projectName;
    const node = name ? context.projectsConfigurations?.projects[name] : undefined;
    if (!name || !node) {
      console.error(`${spec.tool.name} must run as a project target (nx run <project>:<target>).`);
      return { success: false };
    }
    const guard: GuardContext = {
      workspaceRoot: context.root,
      projectName: name,
      projectRoot: node.root,
      cwd: `${context.root}/${node.root}`,
    };
    try {
      const { command, args } = await findTool(spec.tool, { workspaceRoot: context.root, projectRoot: node.root });
      const timeoutMs = options.timeoutSeconds ? options.timeoutSeconds * 1000 : (spec.timeoutMs ?? 600_000);
      const run = await runProcess(command, [...args, ...spec.args(options, guard)], { cwd: guard.cwd, timeoutMs, stream: true });
      if (run.timedOut) {
        console.error(
          `${spec.tool.name} ran longer than ${Math.round(timeoutMs / 1000)} s and was stopped (set timeoutSeconds to allow more).`,
        );
        return { success: false };
      }
      const findings = spec.findings(run, guard);
      for (const f of findings) console.log(`${f.file}:${f.line ?? 0}:${f.column ?? 0} ${f.severity ?? 'error'} ${f.message}`);
      const passed = spec.passed ? spec.passed(run, findings) : run.code === 0;
      return { success: passed, findings };
    } catch (error) {
      console.error(isShipshapeError(error) ? `Shipshape: ${error.message}` : `${spec.tool.name} failed: ${errorMessage(error)}`);
      return { success: false };
    }
  };
}
