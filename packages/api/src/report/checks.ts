import type { Check } from '@shipshape/core';
import { reportMissing } from './report-missing';

/** The checks of this area; src/checks.ts lists every area's. */
export const checks: readonly Check[] = [reportMissing];
