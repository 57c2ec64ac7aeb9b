import { parse, patch, stringify, TomlFormat } from '@decimalturn/toml-patch';
import { assertSameKind } from './edit-guard';
import { ShipshapeError, errorMessage } from '../util/errors';
import { isTable, valueAt, withValueAt } from './data-path';
import { detectEol } from './format';
import { keepOriginalLines } from './keep-lines';
import { liftInsertion } from './lift-insertion';
import { readManifest, type ManifestText } from './manifest-text';
import { sameData } from './same-data';

/**
 * Sets `path` to `value`; `value: undefined` removes the key. A new table (an object at a path that does
 * not exist yet) is written as a `[section]` at the end of the file, unless `inline` asks for `key = { ... }`.
 */
export interface TomlEdit {
  path: string[];
  value: unknown;
  inline?: boolean;
  /** The edit changes the kind of an existing value on purpose. */
  convert?: boolean;
}

type Table = Record<string, unknown>;

/**
 * A malformed file gives one ShipshapeError naming the file, line and column. A text parsed before in this process
 * (the audit service's next batch reads every pyproject.toml of the workspace again) gives a copy of what it gave.
 */
export function parseToml<T = Record<string, unknown>>(text: string, file: string): T {
  const known = parsedTexts.get(text);
  if (known !== undefined) return copyOf(known) as T;
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ShipshapeError(describeTomlError(error), file);
  }
  remember(text, data);
  return data as T;
}

/** Texts parsed before, oldest first: only data of plain tables, arrays and scalars (a TOML date is a class a copy would lose). */
const parsedTexts = new Map<string, unknown>();
const REMEMBERED = 2000;

function remember(text: string, data: unknown): void {
  if (!plain(data)) return;
  if (parsedTexts.size >= REMEMBERED) parsedTexts.delete(parsedTexts.keys().next().value as string);
  parsedTexts.set(text, copyOf(data));
}

/** A deep copy of plain data that keeps each table's prototype (toml-patch's tables have none). */
function copyOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyOf);
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const [key, entry] of Object.entries(value)) copy[key] = copyOf(entry);
  return copy;
}

function plain(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (Array.isArray(value)) return value.every(plain);
  return (prototype === Object.prototype || prototype === null) && Object.values(value).every(plain);
}

function describeTomlError(error: unknown): string {
  const { line, column } = error as { line?: number; column?: number };
  const reason = errorMessage(error).trim().split('\n').pop() ?? '';
  const problem = reason.charAt(0).toLowerCase() + reason.slice(1);
  return typeof line === 'number' && typeof column === 'number'
    ? `invalid TOML at line ${line}, column ${column + 1}: ${problem}`
    : `invalid TOML: ${problem}`;
}

export function readTomlFile<T>(absPath: string, displayPath = absPath): ManifestText<T> {
  return readManifest(absPath, displayPath, parseToml<T>);
}

/**
 * Applies the edits through toml-patch, then puts back every line the library re-rendered without
 * changing its data, so comments, quoting, spacing and blank lines outside the edits stay byte for byte.
 */
export function editToml(text: string, edits: TomlEdit[], file?: string): string {
  return edits.reduce((current, edit) => applyEdit(current, edit, file), text);
}

function applyEdit(text: string, edit: TomlEdit, file?: string): string {
  const data = tryParse(text);
  if (data instanceof Error) throw new ShipshapeError(`cannot edit ${describeTomlError(data)}`, file);
  assertSameKind(data, edit.path, edit.value, file, edit.convert);
  if (sameData(valueAt(data, edit.path), edit.value)) return text;
  const target = withValueAt(data, edit.path, edit.value) as Table;
  const appended =
    isTable(edit.value) && !edit.inline && valueAt(data, edit.path) === undefined
      ? appendSection(text, edit.path, edit.value, target)
      : undefined;
  if (appended !== undefined) return appended;
  let patched: string;
  try {
    patched = patch(text, target, { ...newValueFormat, inlineTableStart: edit.inline ? edit.path.length - 1 : edit.path.length });
  } catch (error) {
    throw new ShipshapeError(`cannot write ${edit.path.join('.')} to TOML: ${errorMessage(error)}`);
  }
  const expected = tryParse(patched);
  if (!sameData(expected, target, { loose: true })) {
    throw new ShipshapeError(`cannot write ${edit.path.join('.')} to TOML: toml-patch wrote a value that reads back differently`);
  }
  const same = (candidate: string) => sameData(tryParse(candidate), expected);
  return liftInsertion(text, keepOriginalLines(text, patched, same), headerComments, same);
}

/**
 * toml-patch writes a table whose parent exists only implicitly (`[tool.black]` without `[tool]`) as a
 * dotted key at the top of the file; pyproject.toml readers expect a `[tool.shipshape]` section instead.
 */
function appendSection(text: string, path: string[], value: Table, target: Table): string | undefined {
  const eol = detectEol(text);
  const nested = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
  const format = {
    ...TomlFormat.autoDetectFormat(text),
    ...newValueFormat,
    newLine: eol,
    trailingNewline: 0,
    inlineTableStart: path.length,
  };
  let section: string;
  try {
    section = stringify(nested, format);
  } catch {
    return undefined;
  }
  for (let i = 1; i < path.length; i++) section = section.replace(/^\[[^\r\n]*\]\r?\n\r?\n/, '');
  const separator = text === '' || text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
  const candidate = text + separator + section + (text.endsWith(eol) || text === '' ? eol : '');
  return sameData(tryParse(candidate), target, { loose: true }) ? candidate : undefined;
}

/** A trailing comma in an inline table is TOML 1.1, which Python's `tomllib` rejects; toml-patch copies the file's array style. */
const newValueFormat = { trailingComma: false };

const headerComments = {
  claims: (line: string) => /^[ \t]*\[/.test(line),
  passes: (line: string) => /^[ \t]*(#.*)?\r?\n$/.test(line),
};

function tryParse(text: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    return error;
  }
}
