import { PLAN_WEEKS, ShipshapeError } from '@shipshape/core';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's calendar date where the team is: the plan's time zone, or the machine's. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    throw new ShipshapeError(`the plan's time zone "${timeZone}" is not a known IANA time zone (e.g. Europe/Berlin)`);
  }
}

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export interface PlanWeek {
  /** 0 before the start date; 1-10 during the plan; 11 once the ten weeks are over. */
  week: number;
  state: 'not-started' | 'running' | 'finished';
  /** Days since the start (negative before it). */
  day: number;
}

/** The plan's week on a calendar date: days are counted between calendar dates, so DST and time of day do not matter. */
export function planWeek(start: string, today: string): PlanWeek {
  const day = dayNumber(today) - dayNumber(start);
  if (day < 0) return { week: 0, state: 'not-started', day };
  const week = Math.floor(day / 7) + 1;
  return week > PLAN_WEEKS ? { week: PLAN_WEEKS + 1, state: 'finished', day } : { week, state: 'running', day };
}

/** The calendar date a week starts on. */
export function weekStart(start: string, week: number): string {
  return new Date((dayNumber(start) + (week - 1) * 7) * DAY_MS).toISOString().slice(0, 10);
}
