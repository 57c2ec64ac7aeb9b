import type { Tree } from '@nx/devkit';
import {
  PLAN_FILE,
  PLAN_VERSION,
  ShipshapeError,
  editJson,
  parseCalendarDate,
  parsePlan,
  planWeeks,
  treeWorkspace,
  workspaceGraph,
  type PlanFile,
} from '@shipshape/core';
import { optionList, resolveProjects } from '../../plan/project-names';
import { todayIn } from '../../plan/weeks';
import type { PlanGeneratorSchema } from './schema';

interface NormalizedOptions {
  start: string;
  timeZone?: string;
  projects: string[];
}

/** `nx g @shipshape/pipeline:plan`: writes the plan, or updates it in place (projects are added, never duplicated). */
export async function planGenerator(tree: Tree, schema: PlanGeneratorSchema): Promise<void> {
  const options = normalizeOptions(tree, schema);
  const existing = readExistingPlan(tree);
  writePlan(tree, existing, options);
}

function normalizeOptions(tree: Tree, schema: PlanGeneratorSchema): NormalizedOptions {
  const start = parseCalendarDate(String(schema.start ?? ''), '--start');
  if (schema.timeZone) todayIn(schema.timeZone);
  const known = treeWorkspace(tree).get(workspaceGraph).projects;
  const names = resolveProjects(known, optionList(schema.projects), '--projects');
  const tags = optionList(schema.tags);
  const tagged = known.filter((p) => (p.tags ?? []).some((tag) => tags.includes(tag))).map((p) => p.name);
  if (tags.length > 0 && tagged.length === 0) throw new ShipshapeError(`no project has any of the tags ${tags.join(', ')}`);
  if (names.length === 0 && tags.length === 0) throw new ShipshapeError('say which projects to enroll: --projects=a,b or --tags=scope:lib');
  return { start, timeZone: schema.timeZone, projects: [...new Set([...names, ...tagged])] };
}

function readExistingPlan(tree: Tree): { text: string; plan: PlanFile } | undefined {
  if (!tree.exists(PLAN_FILE)) return undefined;
  const text = tree.read(PLAN_FILE, 'utf-8') ?? '';
  return { text, plan: parsePlan(text) };
}

function writePlan(tree: Tree, existing: { text: string; plan: PlanFile } | undefined, options: NormalizedOptions) {
  if (!existing) {
    const plan: PlanFile = {
      version: PLAN_VERSION,
      start: options.start,
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      projects: options.projects,
      weeks: planWeeks(),
    };
    tree.write(PLAN_FILE, `${JSON.stringify(plan, null, 2)}\n`);
    return;
  }
  const projects = [...existing.plan.projects, ...options.projects.filter((p) => !existing.plan.projects.includes(p))];
  const edits = [
    { path: ['start'], value: options.start },
    { path: ['projects'], value: projects },
    { path: ['weeks'], value: planWeeks() },
  ];
  if (options.timeZone) edits.push({ path: ['timeZone'], value: options.timeZone });
  tree.write(PLAN_FILE, editJson(existing.text, edits));
}

export default planGenerator;
