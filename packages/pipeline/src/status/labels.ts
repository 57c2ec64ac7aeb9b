import type { ItemState, StatusReport } from './model';

/** The phases' names, by number (index 0 unused). */
export const PHASE_NAMES = [
  '',
  'Foundation',
  'API & docs',
  'Testing & quality',
  'Distribution & extensibility',
  'Launch & community',
] as const;

export const STATE_LABEL: Record<ItemState, string> = {
  done: 'done',
  partly: 'partly',
  'not-started': 'not started',
  'no-check': 'no check yet',
  'not-audited': 'not audited',
};

export const STATE_MARK: Record<ItemState, string> = {
  done: '✔',
  partly: '◐',
  'not-started': '✘',
  'no-check': '·',
  'not-audited': '?',
};

export function weekLine(status: StatusReport): string {
  if (status.weekState === 'not-started')
    return `The plan starts on ${status.start} (in ${-daysBetween(status.today, status.start)} days); today is ${status.today}.`;
  if (status.weekState === 'finished') return `The ten weeks that started on ${status.start} are over; today is ${status.today}.`;
  return `Week ${status.week} of 10 (started ${status.start}; today is ${status.today}).`;
}

function daysBetween(later: string, earlier: string): number {
  return (Date.parse(later) - Date.parse(earlier)) / 86_400_000;
}
