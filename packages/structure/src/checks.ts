import type { Check } from '@shipshape/core';
import packageJsonMetadata from './checks/package-json-metadata';
import pyprojectMetadata from './checks/pyproject-metadata';

/** Every check of @shipshape/structure; package.json's "shipshape.checks" points here. */
export const checks: readonly Check[] = [packageJsonMetadata, pyprojectMetadata];
