import type { Tree } from '@nx/devkit';
import {
  PLAN_FILE,
  PLAN_VERSION,
  ShipshapeError,
  editJson,
  parseCalendarDate,
  parsePlan,
  planWeeks,
  resolveProject,
  treeWorkspace,
  workspaceGraph,
  type PlanFile,
} from '@shipshape/core';
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
  const resolved = list(schema.projects).map((name) => ({ name, project: resolvedQuietly(known, name) }));
  const names = resolved.flatMap((r) => (r.project ? [r.project] : []));
  const unknown = resolved.filter((r) => !r.project).map((r) => r.name);
  if (unknown.length > 0) {
    throw new ShipshapeError(
      `--projects names ${unknown.map((n) => `"${n}"`).join(', ')}, which ${unknown.length > 1 ? 'are not projects' : 'is not a project'} of this workspace; known projects: ${known.map((p) => p.name).join(', ')}`,
    );
  }
  const tags = list(schema.tags);
  const tagged = known.filter((p) => (p.tags ?? []).some((tag) => tags.includes(tag))).map((p) => p.name);
  if (tags.length > 0 && tagged.length === 0) throw new ShipshapeError(`no project has any of the tags ${tags.join(', ')}`);
  if (names.length === 0 && tags.length === 0) throw new ShipshapeError('say which projects to enroll: --projects=a,b or --tags=scope:lib');
  return { start, timeZone: schema.timeZone, projects: [...new Set([...names, ...tagged])] };
}

/** A project as `nx run` finds it (its short name accepted), or undefined when there is none or several. */
function resolvedQuietly(known: Parameters<typeof resolveProject>[0], name: string): string | undefined {
  try {
    return resolveProject(known, name).name;
  } catch {
    return undefined;
  }
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
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
