import type { Check } from '@shipshape/core';
import deadFile from './checks/dead-file';
import deepImport from './checks/deep-import';
import entryPoint from './checks/entry-point';
import exportsMap from './checks/exports-map';
import initPyExports from './checks/init-py-exports';
import licenseExpression from './checks/license-expression';
import missingInitPy from './checks/missing-init-py';
import moduleBoundaryRules from './checks/module-boundary-rules';
import packageJsonMetadata from './checks/package-json-metadata';
import packageKeywords from './checks/package-keywords';
import packageUrls from './checks/package-urls';
import publint from './checks/publint';
import pythonLayout from './checks/python-layout';
import pythonTestsLocation from './checks/python-tests-location';
import pyprojectMetadata from './checks/pyproject-metadata';
import sideEffects from './checks/side-effects';
import sourcesOutsideSrc from './checks/sources-outside-src';
import starExportBarrel from './checks/star-export-barrel';
import strayRootModules from './checks/stray-root-modules';
import supportedRuntimes from './checks/supported-runtimes';
import testsInPublishedOutput from './checks/tests-in-published-output';
import trackedBuildOutput from './checks/tracked-build-output';
import wildcardPathAlias from './checks/wildcard-path-alias';

/** Every check of @shipshape/structure; package.json's "shipshape.checks" points here. */
export const checks: readonly Check[] = [
  // package metadata
  packageJsonMetadata,
  pyprojectMetadata,
  licenseExpression,
  packageUrls,
  packageKeywords,
  supportedRuntimes,
  sideEffects,
  publint,
  // barrels
  starExportBarrel,
  initPyExports,
  // directory layout
  pythonLayout,
  missingInitPy,
  pythonTestsLocation,
  strayRootModules,
  trackedBuildOutput,
  entryPoint,
  sourcesOutsideSrc,
  testsInPublishedOutput,
  deadFile,
  // public vs internal boundaries
  deepImport,
  exportsMap,
  wildcardPathAlias,
  moduleBoundaryRules,
];
