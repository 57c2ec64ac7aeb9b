import type { Check } from '@shipshape/core';
import misplacedDependency from './checks/misplaced-dependency';
import missingDependency from './checks/missing-dependency';
import optionalDependency from './checks/optional-dependency';
import stdlibDependency from './checks/stdlib-dependency';
import transitiveDependency from './checks/transitive-dependency';
import typesPlacement from './checks/types-placement';
import unguardedOptionalImport from './checks/unguarded-optional-import';
import unusedDependency from './checks/unused-dependency';
import versionRange from './checks/version-range';

/** Every check of @shipshape/deps; package.json's "shipshape.checks" points here. */
export const checks: readonly Check[] = [
  // categorize from real imports
  missingDependency,
  transitiveDependency,
  unusedDependency,
  misplacedDependency,
  typesPlacement,
  stdlibDependency,
  // version ranges
  versionRange,
  // optional groups
  optionalDependency,
  // feature detection
  unguardedOptionalImport,
];
