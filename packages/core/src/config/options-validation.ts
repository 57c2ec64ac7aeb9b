import type { default as AjvClass, Options, ValidateFunction } from 'ajv';
import schema from './options.schema.json';
import { lazyModule } from '../util/lazy-module';

/** The shared options' schema as validated: a phase package's section is a property it does not know. */
export const BASE_OPTIONS_SCHEMA = { ...schema, additionalProperties: true };

/** How the schemas are compiled (at build time for the shared one, see tools/scripts/compile-options-validator.mjs). */
export const AJV_OPTIONS: Options = { allErrors: true, strict: false, verbose: true };

/** The compiled validator file next to the built options module. */
export const PRECOMPILED_VALIDATOR = 'options-validator.js';

/** Ajv, loaded and set up on first use: a phase package's section, or the shared schema where no build compiled it. */
export const sharedAjv = lazyModule((): AjvClass => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- ajv loads and compiles in ~100 ms: not in every plugin worker
  const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
  return new Ajv(AJV_OPTIONS);
});

/**
 * The shared schema's validator: the one the build compiled (ajv's standalone code, no ajv to load or compile at
 * run time), else compiled now.
 */
export const baseValidator = lazyModule((): ValidateFunction => precompiled() ?? sharedAjv().compile(BASE_OPTIONS_SCHEMA));

function precompiled(): ValidateFunction | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- written by the build next to this module
    const loaded = require(`./${PRECOMPILED_VALIDATOR}`) as ValidateFunction | { default?: ValidateFunction };
    return typeof loaded === 'function' ? loaded : loaded.default;
  } catch {
    return undefined; // run from the sources (tests): compiled at run time
  }
}
