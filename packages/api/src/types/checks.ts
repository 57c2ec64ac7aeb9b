import type { Check } from '@shipshape/core';
import explicitTypes from './explicit-types';
import publicAny from './public-any';
import typeCoverage from './type-coverage';

/** The checks of this area; src/checks.ts lists every area's. */
export const checks: readonly Check[] = [explicitTypes, publicAny, typeCoverage];
