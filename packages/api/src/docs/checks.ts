import type { Check } from '@shipshape/core';
import apiPages from './checks/api-pages';
import docsConfig from './checks/docs-config';
import docsSetup from './checks/docs-setup';
import undocumented from './checks/undocumented';

/** The checks of this area; src/checks.ts lists every area's. */
export const checks: readonly Check[] = [docsSetup, docsConfig, undocumented, apiPages];
