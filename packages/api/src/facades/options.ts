import type { ShipshapeProject } from '@shipshape/core';
import { apiOptions } from '../options';

/** The `facades` object of the api options (options.schema.json). */
export interface FacadeOptions {
  /** More positional parameters than this is a long list (default 4). */
  maxPositionalParameters?: number;
}

export const DEFAULT_MAX_POSITIONAL = 4;

export function facadeOptions(project: ShipshapeProject): Required<FacadeOptions> {
  const options = (apiOptions(project).facades ?? {}) as FacadeOptions;
  return { maxPositionalParameters: options.maxPositionalParameters ?? DEFAULT_MAX_POSITIONAL };
}
