import type { Tree } from '@nx/devkit';
import { ShipshapeError } from '@shipshape/core';
import { PLAN_FILE, parsePlan, type PlanFile } from './plan-file';

export function readPlanFromTree(tree: Tree): PlanFile {
  if (!tree.exists(PLAN_FILE)) {
    throw new ShipshapeError(`there is no plan yet; write one with: nx g @shipshape/pipeline:plan --start=YYYY-MM-DD --projects=a,b`, PLAN_FILE);
  }
  return parsePlan(tree.read(PLAN_FILE, 'utf-8') ?? '');
}
