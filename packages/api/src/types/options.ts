import type { ShipshapeProject } from '@shipshape/core';
import { apiOptions } from '../options';

/** The `types` object of the api options (options.schema.json). */
export interface TypesOptions {
  /** type-coverage's strict mode: `Object`, `{}` and `any` nested in type arguments count as untyped. */
  coverageStrict?: boolean;
  /** type-coverage leaves `catch (e)` variables out of the count. */
  coverageIgnoreCatch?: boolean;
}

export function typesOptions(project: ShipshapeProject): TypesOptions {
  const types: TypesOptions = apiOptions(project).types ?? {};
  return types;
}
