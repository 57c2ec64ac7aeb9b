import { kindOf, shownValue as shown, ShipshapeError, type ValueKind as Kind } from '@shipshape/core';

type Kinds = Record<string, readonly Kind[]>;

const S = ['a string'] as const;
const L = ['a list'] as const;
const T = ['a table'] as const;

/**
 * The kinds npm and Node.js accept for the package.json fields Shipshape reads or writes. `exports: null` is
 * left out on purpose: Node.js reads it as no map, but no edit can add to it without overwriting what the user wrote.
 */
export const PACKAGE_JSON_KINDS: Kinds = {
  name: S,
  version: S,
  description: S,
  keywords: L,
  license: ['a string', 'a table'],
  repository: ['a string', 'a table'],
  homepage: S,
  bugs: ['a string', 'a table'],
  author: ['a string', 'a table'],
  engines: T,
  sideEffects: ['a boolean', 'a list'],
  files: L,
  main: S,
  module: S,
  types: S,
  typings: S,
  exports: ['a string', 'a table', 'a list'],
  private: ['a boolean'],
};

/** The kinds PEP 621 gives the [project] fields Shipshape reads or writes. */
export const PROJECT_KINDS: Kinds = {
  name: S,
  version: S,
  description: S,
  readme: ['a string', 'a table'],
  'requires-python': S,
  license: ['a string', 'a table'],
  'license-files': L,
  authors: L,
  maintainers: L,
  keywords: L,
  classifiers: L,
  urls: T,
  dynamic: L,
};

/** The kinds Poetry (before 2.0) gives the [tool.poetry] fields Shipshape reads or writes. */
export const POETRY_KINDS: Kinds = {
  name: S,
  version: S,
  description: S,
  readme: ['a string', 'a list'],
  license: S,
  authors: L,
  maintainers: L,
  keywords: L,
  classifiers: L,
  homepage: S,
  repository: S,
  documentation: S,
  urls: T,
  packages: L,
};

export interface WrongKind {
  field: string;
  /** `"description" is a number (42), not a string` */
  problem: string;
}

/** The fields of `data` (each named `<prefix><field>`) whose value is of a kind the format does not allow. */
export function wrongKinds(data: unknown, kinds: Kinds, prefix = '', only?: readonly string[]): WrongKind[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const table = data as Record<string, unknown>;
  return Object.entries(kinds)
    .filter(([field]) => (only ? only.includes(field) : true) && Object.hasOwn(table, field) && table[field] !== undefined)
    .filter(([field, allowed]) => !allowed.includes(kindOf(table[field])))
    .map(([field, allowed]) => ({
      field,
      problem: `"${prefix}${field}" is ${kindOf(table[field])} (${shown(table[field])}), not ${allowed.join(' or ')}`,
    }));
}

/** `"project" is a string ("x"), not a table`, when a table the edits go into is something else. */
export function notATable(value: unknown, name: string): string | undefined {
  return value === undefined || kindOf(value) === 'a table' ? undefined : `"${name}" is ${kindOf(value)} (${shown(value)}), not a table`;
}

/** One message for every wrong kind among the fields an edit reads or writes: nothing is written. */
export function refuseWrongKinds(file: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  throw new ShipshapeError(`${problems.join('; ')}: fix ${problems.length === 1 ? 'it' : 'them'} by hand, nothing was written`, file);
}

/**
 * Findings that say a field is missing (`has no "description"`) when it is there with a kind the format does
 * not allow say that instead (`has a "description" that is a number (42), not a string`): nothing is missing,
 * something is wrong.
 */
export function withWrongKinds<F extends { key?: string; message: string }>(findings: F[], data: unknown, kinds: Kinds): F[] {
  const wrong = new Map(wrongKinds(data, kinds).map((w) => [w.field, w.problem]));
  return findings.map((finding) => {
    const problem = finding.key === undefined ? undefined : wrong.get(finding.key);
    const missing = `has no "${finding.key}"`;
    if (!problem || !finding.message.includes(missing)) return finding;
    return {
      ...finding,
      message: finding.message.replace(missing, `has a ${problem.replace(/^"[^"]+" is /, `"${finding.key}" that is `)}`),
    };
  });
}
