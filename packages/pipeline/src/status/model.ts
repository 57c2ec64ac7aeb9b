import type { PlanItem } from '@shipshape/core';

export type ItemState = 'done' | 'partly' | 'not-started' | 'no-check' | 'not-audited';

export interface ItemFinding {
  checkId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

export interface ItemStatus {
  id: string;
  title: string;
  phase: PlanItem['phase'];
  weeks: readonly [number, number];
  state: ItemState;
  /** Findings that count (new and baseline; ignored ones do not). */
  findings: number;
  checks: string[];
  details: ItemFinding[];
}

export interface ProjectStatus {
  name: string;
  root: string;
  onTrack: boolean;
  /** Items due by now (their phase is over) that are not done. */
  behind: string[];
  findings: number;
  items: ItemStatus[];
}

export const STATUS_SCHEMA_VERSION = 1;

export interface StatusReport {
  schemaVersion: typeof STATUS_SCHEMA_VERSION;
  generatedAt: string;
  today: string;
  start: string;
  week: number;
  weekState: 'not-started' | 'running' | 'finished';
  projects: ProjectStatus[];
  warnings: string[];
}
