import { PLAN_ITEMS, ShipshapeError, parseJson, type PlanItem } from '@shipshape/core';
import { parseCalendarDate, PLAN_WEEKS } from './weeks';

export const PLAN_FILE = 'shipshape-plan.json';
export const PLAN_VERSION = 1;

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

export function planWeeks(): PlanWeekEntry[] {
  return Array.from({ length: PLAN_WEEKS }, (_, i) => {
    const week = i + 1;
    const items = PLAN_ITEMS.filter((item) => item.weeks[0] <= week && week <= item.weeks[1]);
    return { week, phase: items[0].phase, items: items.map((item) => item.id) };
  });
}

/** Reads and validates the plan; every problem names the file and the field. */
export function parsePlan(text: string, file = PLAN_FILE): PlanFile {
  const data = parseJson<Partial<PlanFile>>(text, file);
  const fail = (message: string) => {
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
  if (!Array.isArray(data.projects) || !data.projects.every((p) => typeof p === 'string')) fail('"projects" must be a list of project names');
  if (data.timeZone !== undefined && typeof data.timeZone !== 'string') fail('"timeZone" must be an IANA time zone name');
  if (!Array.isArray(data.weeks)) fail('"weeks" must be the list of the ten weeks');
  return data as PlanFile;
}
