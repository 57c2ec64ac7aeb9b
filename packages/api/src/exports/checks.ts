import type { Check } from '@shipshape/core';
import forgottenExport from './forgotten-export';
import { pythonAllReexports, pythonAllSorted, pythonAllUndefined, pythonModuleAll } from './python-checks';
import starExportEntry from './star-export-entry';

/** The checks of this area; src/checks.ts lists every area's. */
export const checks: readonly Check[] = [
  starExportEntry,
  forgottenExport,
  pythonModuleAll,
  pythonAllUndefined,
  pythonAllReexports,
  pythonAllSorted,
];
