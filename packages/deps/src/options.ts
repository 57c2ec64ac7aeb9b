import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageOptions, type OptionsSection, type ShipshapeProject } from '@shipshape/core';

/** The `deps` section of the Shipshape options, as options.schema.json (at the package root) describes it. */
export interface DepsOptions {
  /** Python import name (top-level or dotted) to the distribution that provides it. */
  pythonModules?: Record<string, string>;
  /** Names the dependency checks leave alone. */
  ignoreDependencies?: string[];
  /** More files (globs relative to the project root) that are tests or tooling. */
  devFiles?: string[];
  /** Range style of npm runtime dependencies; default caret. */
  rangeStyle?: 'caret' | 'tilde' | 'any';
  /** Allow upper caps on Python runtime requirements; default false. */
  pythonUpperBounds?: boolean;
}

/** The package's options section, for generators run where the package is not installed (tests). */
export const DEPS_OPTIONS: OptionsSection = {
  key: 'deps',
  owner: '@shipshape/deps',
  // src/ and dist/ are both one folder below the package root
  schema: JSON.parse(readFileSync(join(__dirname, '..', 'options.schema.json'), 'utf8')) as Record<string, unknown>,
};

export function depsOptions(project: ShipshapeProject): DepsOptions {
  return packageOptions<DepsOptions>(project.options, 'deps');
}
