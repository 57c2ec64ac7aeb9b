#!/usr/bin/env node
// Compiles core's shared options schema into a validator module (ajv's standalone code) next to the built
// options module: the Nx plugin worker, started for every graph computation, then neither loads ajv nor compiles
// the schema (~100 ms). Run after the package's tsc build; the schema and the ajv options come from the build.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const configDir = join(resolve(process.argv[2] ?? 'packages/core'), 'dist', 'config');
const require = createRequire(join(configDir, 'options-validation.js'));
const { AJV_OPTIONS, BASE_OPTIONS_SCHEMA, PRECOMPILED_VALIDATOR } = require('./options-validation.js');
const Ajv = require('ajv').default;
const standalone = require('ajv/dist/standalone').default;

const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
writeFileSync(join(configDir, PRECOMPILED_VALIDATOR), standalone(ajv, ajv.compile(BASE_OPTIONS_SCHEMA)));
