import type { Check } from '@shipshape/core';
import missingAnnotations from './missing-annotations';
import pyTyped from './py-typed';
import typeCompleteness from './type-completeness';

/** The checks of this area; src/checks.ts lists every area's. */
export const checks: readonly Check[] = [missingAnnotations, pyTyped, typeCompleteness];
