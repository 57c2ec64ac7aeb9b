import { formatFiles, logger, runTasksInSerial, type GeneratorCallback, type Tree } from '@nx/devkit';
import { findTreeProject, parseJson, ShipshapeError } from '@shipshape/core';
import { barrelsGenerator } from '../barrels/barrels';
import { boundariesGenerator } from '../boundaries/boundaries';
import { metadataGenerator } from '../metadata/metadata';
import type { PhaseGeneratorSchema } from './schema';

const PLAN_FILE = 'shipshape-plan.json';

/** The structure fixes, in the order they build on each other. */
const STEPS = [
  { name: 'metadata', run: metadataGenerator },
  { name: 'barrels', run: barrelsGenerator },
  { name: 'boundaries', run: boundariesGenerator },
] as const;

/** `nx g @shipshape/structure:phase --project=x`: every structure fix, as the pipeline's phase runner calls it. */
export async function phaseGenerator(tree: Tree, schema: PhaseGeneratorSchema): Promise<GeneratorCallback> {
  const projects = normalizeOptions(tree, schema);
  const callbacks: GeneratorCallback[] = [];
  for (const project of projects) {
    for (const step of STEPS) {
      logger.info(`@shipshape/structure:${step.name} --project=${project}`);
      callbacks.push(await step.run(tree, { project, skipFormat: true }));
    }
  }
  if (!schema.skipFormat) await formatFiles(tree);
  return runTasksInSerial(...callbacks);
}

function normalizeOptions(tree: Tree, schema: PhaseGeneratorSchema): string[] {
  if (schema.project) return [findTreeProject(tree, schema.project).name];
  if (!tree.exists(PLAN_FILE)) {
    throw new ShipshapeError(`name a project with --project, or enroll projects in the plan first (nx g @shipshape/pipeline:plan)`, PLAN_FILE);
  }
  const plan = parseJson<{ projects?: unknown }>(tree.read(PLAN_FILE, 'utf-8') ?? '', PLAN_FILE);
  if (!Array.isArray(plan.projects) || !plan.projects.every((p) => typeof p === 'string')) throw new ShipshapeError('"projects" must be a list of project names', PLAN_FILE);
  if (plan.projects.length === 0) throw new ShipshapeError('the plan enrolls no project', PLAN_FILE);
  return plan.projects.map((name) => findTreeProject(tree, name).name);
}

export default phaseGenerator;
