import type { Check } from '@shipshape/core';
import { checks as docsChecks } from './docs/checks';
import { checks as docsStructureChecks } from './docs-structure/checks';
import { checks as exportChecks } from './exports/checks';
import { checks as facadeChecks } from './facades/checks';
import { checks as pythonTypeChecks } from './python-types/checks';
import { checks as reportChecks } from './report/checks';
import { checks as stabilityChecks } from './stability/checks';
import { checks as typeChecks } from './types/checks';

/** Every check of @shipshape/api; package.json's "shipshape.checks" points here. */
export const checks: readonly Check[] = [
  ...typeChecks,
  ...pythonTypeChecks,
  ...exportChecks,
  ...stabilityChecks,
  ...facadeChecks,
  ...reportChecks,
  ...docsChecks,
  ...docsStructureChecks,
];
