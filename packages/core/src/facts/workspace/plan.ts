import { PLAN_FILE } from '../../config/defaults';
import { parseJson } from '../../manifest';
import { PLAN_ITEMS, type PlanItem } from '../../model/plan';
import { ShipshapeError } from '../../util/errors';
import type { FileSource } from '../../file-system/file-source';
import { defineWorkspaceFact } from '../fact';

export const PLAN_VERSION = 1;
export const PLAN_WEEKS = 10;

export interface PlanWeekEntry {
  week: number;
  phase: PlanItem['phase'];
  items: string[];
}

/** The committed plan: when it starts, who is enrolled, and what each of the ten weeks is about. */
export interface PlanFile {
  $schema?: string;
  version: typeof PLAN_VERSION;
  start: string;
  timeZone?: string;
  projects: string[];
  weeks: PlanWeekEntry[];
}

/** The ten weeks and their plan items, as a new plan writes them. */
export function planWeeks(): PlanWeekEntry[] {
  return Array.from({ length: PLAN_WEEKS }, (_, i) => {
    const week = i + 1;
    const items = PLAN_ITEMS.filter((item) => item.weeks[0] <= week && week <= item.weeks[1]);
    return { week, phase: items[0].phase, items: items.map((item) => item.id) };
  });
}

/** A calendar date `YYYY-MM-DD` that really exists (no 2026-02-30). */
export function parseCalendarDate(value: string, what: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new ShipshapeError(`${what} "${value}" is not a date; write it as YYYY-MM-DD, e.g. 2026-12-07`);
  }
  return value;
}

/** Reads and validates the plan: the one reader, every problem naming the file and the field. */
export function parsePlan(text: string, file = PLAN_FILE): PlanFile {
  const data = parseJson<Partial<PlanFile>>(text, file);
  const fail = (message: string): never => {
    throw new ShipshapeError(message, file);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('the plan must be a JSON object');
  if (data.version !== PLAN_VERSION) fail(`"version" must be ${PLAN_VERSION}`);
  if (typeof data.start !== 'string') fail('"start" must be a date (YYYY-MM-DD)');
  try {
    parseCalendarDate(data.start as string, '"start"');
  } catch (error) {
    fail((error as Error).message);
  }
  if (!Array.isArray(data.projects) || !data.projects.every((p) => typeof p === 'string'))
    fail('"projects" must be a list of project names');
  if (data.timeZone !== undefined && (typeof data.timeZone !== 'string' || !isTimeZone(data.timeZone)))
    fail(`"timeZone" ${JSON.stringify(data.timeZone)} is not a known IANA time zone (e.g. Europe/Berlin)`);
  if (!Array.isArray(data.weeks)) fail('"weeks" must be the list of the ten weeks');
  const problem = (data.weeks as unknown[]).map(weekProblem).find((p) => p !== undefined);
  if (problem) fail(problem);
  return data as PlanFile;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with one entry of "weeks", if anything. The weeks are the plan's fixed schedule (the status
 * follows the plan items, not this list): an entry that says otherwise is refused, not silently ignored.
 */
function weekProblem(entry: unknown, index: number): string | undefined {
  const at = `"weeks"[${index}]`;
  const fixed = `the schedule is fixed by the plan items; nx g @shipshape/pipeline:plan rewrites it`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return `${at} must be {"week", "phase", "items"}`;
  const { week, phase, items } = entry as Partial<PlanWeekEntry>;
  if (typeof week !== 'number' || !Number.isInteger(week) || week < 1 || week > PLAN_WEEKS)
    return `${at}: "week" must be a week number from 1 to ${PLAN_WEEKS}, not ${JSON.stringify(week)}`;
  const expected = planWeeks()[week - 1];
  if (phase !== expected.phase) return `${at}: week ${week} is in phase ${expected.phase}, not ${JSON.stringify(phase)} (${fixed})`;
  if (!Array.isArray(items)) return `${at}: "items" must be a list of plan item ids`;
  for (const item of items) {
    const known = PLAN_ITEMS.find((p) => p.id === item);
    if (!known) return `${at}: ${JSON.stringify(item)} is not an item of the plan (${fixed})`;
    if (!expected.items.includes(known.id))
      return `${at}: "${known.id}" is planned for weeks ${known.weeks[0]}-${known.weeks[1]}, not week ${week} (${fixed})`;
  }
  return undefined;
}

/** The workspace's plan, validated; undefined when there is none yet. */
export function readPlan(source: Pick<FileSource, 'read'>): PlanFile | undefined {
  const text = source.read(PLAN_FILE);
  return text === undefined ? undefined : parsePlan(text);
}

/** The workspace's plan, or one error saying how to write one. */
export function requirePlan(source: Pick<FileSource, 'read'>): PlanFile {
  const plan = readPlan(source);
  if (!plan)
    throw new ShipshapeError(
      'there is no plan yet; write one with: nx g @shipshape/pipeline:plan --start=YYYY-MM-DD --projects=a,b',
      PLAN_FILE,
    );
  return plan;
}

/** The workspace's plan as a fact of the run: read and validated once. */
export const planFile = defineWorkspaceFact({
  id: 'workspace/plan',
  compute: (workspace): PlanFile | undefined => readPlan(workspace.source),
});
