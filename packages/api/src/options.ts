import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageOptions, type OptionsSection, type ShipshapeProject } from '@shipshape/core';

/** The `api` section of the Shipshape options, as options.schema.json (at the package root) describes it. */
export interface ApiOptions {
  types?: Record<string, unknown>;
  exports?: Record<string, unknown>;
  stability?: { defaultTag?: 'public' | 'beta' | 'alpha' | 'internal' };
  facades?: Record<string, unknown>;
  report?: Record<string, unknown>;
  docs?: Record<string, unknown>;
}

/** The package's options section, for generators run where the package is not installed (tests). */
export const API_OPTIONS: OptionsSection = {
  key: 'api',
  owner: '@shipshape/api',
  // src/ and dist/ are both one folder below the package root
  schema: JSON.parse(readFileSync(join(__dirname, '..', 'options.schema.json'), 'utf8')) as Record<string, unknown>,
};

export function apiOptions(project: ShipshapeProject): ApiOptions {
  return packageOptions<ApiOptions>(project.options, 'api');
}
