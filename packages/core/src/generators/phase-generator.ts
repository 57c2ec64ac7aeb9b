import type { GeneratorCallback, Tree } from '@nx/devkit';
import { treeWorkspace } from '../facts/create-workspace';
import { planFile } from '../facts/workspace/plan';
import { workspaceGraph } from '../facts/workspace/projects';
import { PLAN_FILE } from '../config/defaults';
import { devkit } from '../nx/devkit';
import { ShipshapeError } from '../util/errors';
import { finishGenerator, type FixSchema } from './fix-generator';
import { resolveProject } from './resolve-project';
import { acquireWorkspaceLock } from './workspace-lock';

/** One step of a phase: a fix generator, run with `skipFormat` on the Tree the steps before it left. */
export interface PhaseStep<S extends FixSchema> {
  name: string;
  generator: (tree: Tree, schema: { project: string; skipFormat: true }) => Promise<GeneratorCallback> | GeneratorCallback;
  /** Runs only when this says so (a destructive step the user must ask for). */
  when?(schema: S): boolean;
}

/**
 * The projects a phase applies to, resolved one way everywhere: `--project` (its short name accepted), else
 * every project the plan enrolls.
 */
export function phaseProjects(tree: Tree, project: string | undefined): string[] {
  const workspace = treeWorkspace(tree);
  const projects = workspace.get(workspaceGraph).projects;
  if (project) return [resolveProject(projects, project).name];
  const plan = workspace.get(planFile);
  if (!plan)
    throw new ShipshapeError(
      'name a project with --project, or enroll projects in the plan first (nx g @shipshape/pipeline:plan)',
      PLAN_FILE,
    );
  if (plan.projects.length === 0)
    throw new ShipshapeError('the plan enrolls no project; add some with nx g @shipshape/pipeline:plan --projects=...', PLAN_FILE);
  return plan.projects.map((name) => resolveProject(projects, name, `the plan's project`).name);
}

/** A phase generator: its steps in order, on `--project` or on every enrolled project; formats once at the end. */
export function definePhaseGenerator<S extends FixSchema>(spec: {
  name: string;
  steps: ReadonlyArray<PhaseStep<S>>;
}): (tree: Tree, schema: S) => Promise<GeneratorCallback> {
  return async (tree, schema) => {
    const { logger } = devkit();
    const release = acquireWorkspaceLock(tree.root);
    try {
      const tasks: GeneratorCallback[] = [];
      for (const project of phaseProjects(tree, schema.project)) {
        for (const step of spec.steps) {
          if (step.when && !step.when(schema)) continue;
          logger.info(`${spec.name.replace(/:[^:]+$/, '')}:${step.name} --project=${project}`);
          tasks.push(await step.generator(tree, { project, skipFormat: true }));
        }
      }
      return await finishGenerator(tree, schema, [...tasks, release]);
    } catch (error) {
      release();
      throw error;
    }
  };
}
