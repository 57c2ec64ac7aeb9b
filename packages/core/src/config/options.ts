import Ajv, { type ErrorObject } from 'ajv';
import schema from './options.schema.json';
import { ShipshapeError } from '../util/errors';
import type { Severity } from '../model/finding';

export interface IgnoreRule {
  check: string;
  file?: string;
  reason: string;
}

export interface ShipshapeOptions {
  targetName?: string;
  statusTargetName?: string;
  failOn?: Severity | 'never';
  checks?: Record<string, 'off' | Severity>;
  ignore?: IgnoreRule[];
  packages?: string[];
  baselineFile?: string;
  reportsDir?: string;
  maxFileBytes?: number;
  python?: string;
  deps?: DepsOptions;
}

/** Options of the dependency checks and generators (@shipshape/deps). */
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

export type ResolvedOptions = Required<Omit<ShipshapeOptions, 'python' | 'deps'>> & Pick<ShipshapeOptions, 'python' | 'deps'>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
  targetName: 'audit',
  statusTargetName: 'status',
  failOn: 'error',
  checks: {},
  ignore: [],
  packages: [],
  baselineFile: '.shipshape-baseline.json',
  reportsDir: 'reports/shipshape/{projectRoot}',
  maxFileBytes: 5_000_000,
};

export const optionsSchema = schema;

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/**
 * Validates options against the one schema and fills in defaults. `source` names where they came from
 * (e.g. `nx.json (plugin @shipshape/pipeline)`), so that the error points at the file to fix.
 */
export function resolveOptions(options: unknown, source: string): ResolvedOptions {
  const given = options ?? {};
  if (!validate(given)) {
    throw new ShipshapeError(`invalid Shipshape options in ${source}: ${describe(validate.errors ?? [])}`);
  }
  return { ...DEFAULT_OPTIONS, ...(given as ShipshapeOptions) };
}

function describe(errors: ErrorObject[]): string {
  return errors
    .map((error) => {
      const where = error.instancePath ? `"${pointerToPath(error.instancePath)}"` : 'the options';
      if (error.keyword === 'additionalProperties') {
        return `${where} has an unknown option "${(error.params as { additionalProperty: string }).additionalProperty}"`;
      }
      if (error.keyword === 'enum') {
        return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      }
      return `${where} ${error.message}`;
    })
    .join('; ');
}

function pointerToPath(pointer: string): string {
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
