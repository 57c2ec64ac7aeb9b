import type { Check } from '@shipshape/core';

/** Every check of @shipshape/deps; package.json's "shipshape.checks" points here. */
export const checks: readonly Check[] = [];
