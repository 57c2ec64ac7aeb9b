import { formatFiles, logger, runTasksInSerial, type GeneratorCallback, type Tree } from '@nx/devkit';
import { PLAN_ITEMS, ShipshapeError, requirePlan, treeWorkspace, workspaceGraph } from '@shipshape/core';
import { phaseGeneratorsFor } from '../../plan/phase-generators';
import { optionList, resolveProjects } from '../../plan/project-names';
import { PHASE_NAMES } from '../../status/labels';
import type { PhaseGeneratorSchema } from './schema';

/** `nx g @shipshape/pipeline:phase --phase=1`: applies a phase's fixes to every enrolled project. */
export async function phaseGenerator(tree: Tree, schema: PhaseGeneratorSchema): Promise<GeneratorCallback> {
  const { phase, projects } = normalizeOptions(tree, schema);
  const { generators, missing, unpublished } = phaseGeneratorsFor(tree.root, phase);
  if (generators.length === 0 && missing.length > 0)
    throw new ShipshapeError(`no installed package runs phase ${phase}; install ${missing.map((m) => `nx add ${m}`).join(' and ')}`);
  for (const name of missing) logger.warn(`Phase ${phase} also needs ${name}, which is not installed: nx add ${name}`);
  if (unpublished.length > 0) logger.warn(notPublishedYet(phase, unpublished));

  const callbacks: GeneratorCallback[] = [];
  for (const { packageName, generatorName, run } of generators) {
    for (const project of projects) {
      logger.info(`${packageName}:${generatorName} --project=${project}`);
      const callback = await run(tree, { project, skipFormat: true });
      if (callback) callbacks.push(callback);
    }
  }
  if (!schema.skipFormat) await formatFiles(tree);
  return runTasksInSerial(...callbacks);
}

/** What a phase cannot do yet, and why: its package is not on the registry, so there is nothing to `nx add`. */
function notPublishedYet(phase: number, packages: string[]): string {
  const items = PLAN_ITEMS.filter((item) => packages.includes(item.package)).length;
  return `Phase ${phase} (${PHASE_NAMES[phase]}): ${packages.join(' and ')} ${packages.length > 1 ? 'are' : 'is'} not published yet, so there is nothing to apply to its ${items} plan items; the status shows them as "no check yet".`;
}

function normalizeOptions(tree: Tree, schema: PhaseGeneratorSchema): { phase: number; projects: string[] } {
  const phase = Number(schema.phase);
  if (![1, 2, 3, 4, 5].includes(phase)) throw new ShipshapeError(`--phase must be 1 to 5, not "${schema.phase}"`);
  const workspace = treeWorkspace(tree);
  const plan = requirePlan(workspace.source);
  const asked = resolveProjects(workspace.get(workspaceGraph).projects, optionList(schema.projects), '--projects');
  const notEnrolled = asked.filter((name) => !plan.projects.includes(name));
  if (notEnrolled.length > 0)
    throw new ShipshapeError(
      `${notEnrolled.join(', ')} ${notEnrolled.length > 1 ? 'are' : 'is'} not enrolled in the plan (enrolled: ${plan.projects.join(', ')})`,
    );
  const projects = asked.length > 0 ? asked : plan.projects;
  if (projects.length === 0)
    throw new ShipshapeError('the plan enrolls no project; add some with nx g @shipshape/pipeline:plan --projects=...');
  return { phase, projects };
}

export default phaseGenerator;
