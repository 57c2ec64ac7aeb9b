import type { Check } from '@shipshape/core';
import asyncNaming from './async-naming';
import errorHierarchy from './errors';
import naming from './naming';
import { booleanParameter, longParameterList } from './parameters';

/** The checks of this area; src/checks.ts lists every area's. */
export const checks: readonly Check[] = [naming, longParameterList, booleanParameter, errorHierarchy, asyncNaming];
