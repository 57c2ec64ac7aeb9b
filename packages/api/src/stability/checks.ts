import type { Check } from '@shipshape/core';
import { pythonIncompatibleStability, pythonInternalExport, pythonStabilityMarker } from './python-checks';
import { incompatibleReleaseTagsCheck, internalExport, missingReleaseTag } from './typescript-checks';

/** The checks of this area; src/checks.ts lists every area's. */
export const checks: readonly Check[] = [
  missingReleaseTag,
  incompatibleReleaseTagsCheck,
  internalExport,
  pythonStabilityMarker,
  pythonIncompatibleStability,
  pythonInternalExport,
];
