import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from './options.schema.json';
import { baseValidator, sharedAjv } from './options-validation';
import { ShipshapeError } from '../util/errors';
import type { Severity } from '../model/finding';
import { DEFAULTS } from './defaults';

export interface IgnoreRule {
  check: string;
  file?: string;
  reason: string;
}

/** The options every package shares; each phase package adds its own section (`deps`, ...) with its own schema. */
export interface ShipshapeOptions {
  targetName?: string;
  statusTargetName?: string;
  failOn?: Severity | 'never';
  checks?: Record<string, 'off' | Severity>;
  ignore?: IgnoreRule[];
  packages?: string[];
  projects?: { include?: string[]; exclude?: string[] };
  baselineFile?: string;
  reportsDir?: string;
  listPerCheck?: number;
  quiet?: boolean;
  maxFileBytes?: number;
  python?: string;
  /** A phase package's section, validated by that package's schema. */
  [section: string]: unknown;
}

export type ResolvedOptions = Required<
  Pick<
    ShipshapeOptions,
    | 'targetName'
    | 'statusTargetName'
    | 'failOn'
    | 'checks'
    | 'ignore'
    | 'packages'
    | 'baselineFile'
    | 'reportsDir'
    | 'listPerCheck'
    | 'quiet'
    | 'maxFileBytes'
  >
> &
  Pick<ShipshapeOptions, 'python'> & {
    projects: { include: string[]; exclude: string[] };
    /** The phase packages' sections, by name, as given (each package reads its own with `packageOptions`). */
    sections: Record<string, unknown>;
  };

export const DEFAULT_OPTIONS: ResolvedOptions = {
  targetName: DEFAULTS.targetName,
  statusTargetName: DEFAULTS.statusTargetName,
  failOn: DEFAULTS.failOn,
  checks: {},
  ignore: [],
  packages: [],
  projects: { include: [], exclude: [...DEFAULTS.excludedProjectRoots] },
  baselineFile: DEFAULTS.baselineFile,
  reportsDir: DEFAULTS.reportsDir,
  listPerCheck: DEFAULTS.listPerCheck,
  quiet: DEFAULTS.quiet,
  maxFileBytes: DEFAULTS.maxFileBytes,
  sections: {},
};

export const optionsSchema = schema;

/** A phase package's options section: its key in the options and its JSON schema. */
export interface OptionsSection {
  key: string;
  /** The package it belongs to, for messages. */
  owner: string;
  schema: Record<string, unknown>;
}

const BASE_KEYS = new Set(Object.keys(schema.properties));
const compiled = new WeakMap<object, ValidateFunction>();

function validatorOf(section: OptionsSection): ValidateFunction {
  let validate = compiled.get(section.schema);
  if (!validate) {
    validate = sharedAjv().compile(section.schema);
    compiled.set(section.schema, validate);
  }
  return validate;
}

/**
 * Validates options against the shared schema and the sections of the phase packages, and fills in
 * defaults. `source` names where they came from (e.g. `nx.json (plugin @shipshape/pipeline)`), so that the
 * error points at the file to fix.
 */
export function resolveOptions(options: unknown, source: string, sections: readonly OptionsSection[] = []): ResolvedOptions {
  const given = options ?? {};
  const fail = (problem: string) => {
    throw new ShipshapeError(`invalid Shipshape options in ${source}: ${problem}`);
  };
  const validateBase = baseValidator();
  if (!validateBase(given)) fail(describe(validateBase.errors ?? []));
  const { python, ...rest } = given as ShipshapeOptions;
  const resolved: ResolvedOptions = { ...DEFAULT_OPTIONS, sections: {} };
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'projects') {
      const { include = [], exclude = [...DEFAULTS.excludedProjectRoots] } = value as NonNullable<ShipshapeOptions['projects']>;
      resolved.projects = { include, exclude };
      continue;
    }
    if (BASE_KEYS.has(key)) {
      (resolved as unknown as Record<string, unknown>)[key] = value;
      continue;
    }
    const section = sections.find((s) => s.key === key);
    if (!section) {
      const known = [...BASE_KEYS, ...sections.map((s) => s.key)];
      const near = nearest(key, known);
      fail(
        `unknown option "${key}"${near ? ` (did you mean "${near}"?)` : sections.length > 0 ? ` (the options of the installed packages: ${known.join(', ')})` : ''}`,
      );
    }
    const validate = validatorOf(section!);
    if (!validate(value)) fail(describe(validate.errors ?? [], key));
    resolved.sections[key] = value;
  }
  if (python !== undefined) resolved.python = python;
  return resolved;
}

/** A package's own section of the options (as validated by its schema), `{}` when not given. */
export function packageOptions<T>(options: ResolvedOptions, key: string): T {
  return (options.sections[key] ?? {}) as T;
}

function describe(errors: ErrorObject[], prefix?: string): string {
  return errors
    .map((error) => {
      const path = [prefix, pointerToPath(error.instancePath)].filter(Boolean).join('.');
      const where = path ? `"${path}"` : 'the options';
      if (error.keyword === 'additionalProperties') {
        const key = (error.params as { additionalProperty: string }).additionalProperty;
        const properties = (error.parentSchema as { properties?: object } | undefined)?.properties;
        const near = properties ? nearest(key, Object.keys(properties)) : undefined;
        const unknown = path ? `${where} has an unknown option "${key}"` : `unknown option "${key}"`;
        return `${unknown}${near ? ` (did you mean "${near}"?)` : ''}`;
      }
      if (error.keyword === 'enum') {
        return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      }
      return `${where} ${error.message}`;
    })
    .join('; ');
}

/** The known name a mistyped one most likely meant: the same but for case, or one or two letters off. */
function nearest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same) return same;
  const scored = known.map((k) => ({ k, d: distance(lower, k.toLowerCase()) })).filter(({ d }) => d <= 2);
  return scored.sort((a, b) => a.d - b.d)[0]?.k;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
