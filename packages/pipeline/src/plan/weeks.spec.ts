import { parseCalendarDate } from '@shipshape/core';
import { planWeek, todayIn, weekStart } from './weeks';

describe('plan weeks', () => {
  it.each([
    ['2026-12-01', '2026-12-07', 0, 'not-started'],
    ['2026-12-07', '2026-12-07', 1, 'running'],
    ['2026-12-13', '2026-12-07', 1, 'running'],
    ['2026-12-14', '2026-12-07', 2, 'running'],
    ['2027-02-14', '2026-12-07', 10, 'running'],
    ['2027-02-15', '2026-12-07', 11, 'finished'],
    ['2030-01-01', '2026-12-07', 11, 'finished'],
  ])('on %s a plan started %s is in week %d (%s)', (today, start, week, state) => {
    expect(planWeek(start, today)).toMatchObject({ week, state });
  });

  it('counts calendar days, so a daylight-saving change does not shift the week', () => {
    expect(planWeek('2026-03-02', '2026-03-30').week).toBe(5);
    expect(planWeek('2026-10-19', '2026-11-02').week).toBe(3);
  });

  it("takes today's date in the team's time zone", () => {
    const instant = new Date('2026-12-06T23:30:00Z');
    expect(todayIn('Europe/Berlin', instant)).toBe('2026-12-07');
    expect(todayIn('America/New_York', instant)).toBe('2026-12-06');
    expect(planWeek('2026-12-07', todayIn('Europe/Berlin', instant)).state).toBe('running');
    expect(planWeek('2026-12-07', todayIn('America/New_York', instant)).state).toBe('not-started');
  });

  it('refuses an unknown time zone with its name', () => {
    expect(() => todayIn('Mars/Olympus')).toThrow('the plan\'s time zone "Mars/Olympus" is not a known IANA time zone');
  });

  it('accepts only real calendar dates', () => {
    expect(parseCalendarDate('2028-02-29', '--start')).toBe('2028-02-29');
    for (const bad of ['2026-02-30', '2026-13-01', 'next monday', '07.12.2026', '2026-12-7', '']) {
      expect(() => parseCalendarDate(bad, '--start')).toThrow(`--start "${bad}" is not a date; write it as YYYY-MM-DD`);
    }
  });

  it('tells when a week starts', () => {
    expect(weekStart('2026-12-07', 1)).toBe('2026-12-07');
    expect(weekStart('2026-12-07', 4)).toBe('2026-12-28');
  });
});
