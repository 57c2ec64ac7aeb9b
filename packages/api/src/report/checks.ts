import type { Check } from '@shipshape/core';

/** The checks of this area; src/checks.ts lists every area's. */
export const checks: readonly Check[] = [];
