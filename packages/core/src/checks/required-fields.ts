import type { FindingInput } from '../model/finding';

export interface RequiredField<T> {
  /** Key used in the finding's fingerprint and message. */
  name: string;
  /** Present and usable? */
  present(data: T): boolean;
  /** What to write, shown after the problem. */
  advice: string;
}

export interface RequiredFieldsInput<T> {
  data: T;
  file: string;
  fields: readonly RequiredField<T>[];
  /** Where the finding points when the field is missing (the object or table that should hold it). */
  anchor: { line: number; column: number };
  /** Describes the container in messages, e.g. `package.json` or `[project]`. */
  where: string;
}

/** One finding per missing field, each pointing at the object or table that should hold it. */
export function missingFieldFindings<T>({ data, file, fields, anchor, where }: RequiredFieldsInput<T>): FindingInput[] {
  return fields
    .filter((field) => !field.present(data))
    .map((field) => ({
      message: `${where} has no "${field.name}": ${field.advice}`,
      file,
      key: field.name,
      line: anchor.line,
      column: anchor.column,
    }));
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** 1-based position of the first non-blank character: where a finding about the whole document points. */
export function documentStart(text: string): { line: number; column: number } {
  const offset = text.search(/\S/);
  if (offset < 0) return { line: 1, column: 1 };
  const before = text.slice(0, offset).split(/\r?\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
