import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parse,
  parseTree,
  printParseErrorCode,
  type JSONPath,
  type ParseError,
} from 'jsonc-parser';
import { ShipshapeError } from '../util/errors';
import { detectEol, detectIndent, stripBom } from './format';
import { readManifest, type ManifestText } from './manifest-text';
import { positionAt } from './position';
import { assertSameKind } from './edit-guard';
import { sameData } from './same-data';

/** Sets `path` to `value`; `value: undefined` removes the key. */
export interface JsonEdit {
  path: (string | number)[];
  value: unknown;
  /** The edit changes the kind of an existing value on purpose (a string `exports` made a map). */
  convert?: boolean;
}

const strict = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false };

/** Strict JSON (package.json, nx.json); a malformed file gives one ShipshapeError naming the file, line and column. */
export function parseJson<T = unknown>(text: string, file: string): T {
  const source = stripBom(text);
  try {
    return JSON.parse(source) as T;
  } catch (error) {
    const errors: ParseError[] = [];
    parse(source, errors, strict);
    const first = errors[0];
    if (!first) throw new ShipshapeError(`invalid JSON: ${(error as Error).message}`, file);
    const { line, column } = positionAt(source, first.offset);
    throw new ShipshapeError(`invalid JSON at line ${line}, column ${column}: ${describe(printParseErrorCode(first.error))}`, file);
  }
}

function describe(code: string): string {
  return code.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
}

export function readJsonFile<T>(absPath: string, displayPath = absPath): ManifestText<T> {
  return readManifest(absPath, displayPath, parseJson<T>);
}

/**
 * Applies the edits with the file's own indentation and line endings; everything outside the edited
 * values stays byte for byte, new keys go at the end of their object, and an edit that sets the value
 * already there changes nothing.
 */
export function editJson(text: string, edits: JsonEdit[], file?: string): string {
  assertWellFormed(text, file);
  const indent = detectIndent(text);
  const formattingOptions = { insertSpaces: indent !== '\t', tabSize: indent === '\t' ? 1 : indent.length, eol: detectEol(text) };
  for (const edit of edits) {
    assertNoDuplicateKeys(text, edit.path, file);
    assertSameKind(parse(text), edit.path, edit.value, file, edit.convert);
  }
  let current = text;
  for (const edit of edits) {
    if (sameData(valueAt(current, edit.path), edit.value)) continue;
    current =
      appendProperty(current, edit.path, edit.value, indent) ??
      applyEdits(current, modify(current, edit.path, edit.value, { formattingOptions }));
  }
  return current;
}

/**
 * A new key at the end of an object whose properties each stand on their own line, written after the last one
 * with its indentation: nothing else of the file is touched (a formatter would also re-lay the neighbours,
 * `["a", "b"]` on one line becoming four). Undefined for any other edit.
 */
function appendProperty(text: string, path: JSONPath, value: unknown, indentUnit: string): string | undefined {
  const key = path[path.length - 1];
  const root = parseTree(text);
  const parent = root && (path.length === 1 ? root : findNodeAtLocation(root, path.slice(0, -1)));
  const last = parent?.type === 'object' ? parent.children?.[parent.children.length - 1] : undefined;
  if (typeof key !== 'string' || value === undefined || !last || findNodeAtLocation(parent!, [key])) return undefined;
  const end = last.offset + last.length;
  const lineStart = text.lastIndexOf('\n', last.offset - 1) + 1;
  const indent = text.slice(lineStart, last.offset);
  if (!/^[ \t]*$/.test(indent) || /^\s*,/.test(text.slice(end))) return undefined;
  const eol = detectEol(text);
  const rendered = JSON.stringify(value, null, indentUnit).split('\n').join(`${eol}${indent}`);
  return `${text.slice(0, end)},${eol}${indent}${JSON.stringify(key)}: ${rendered}${text.slice(end)}`;
}

/** A key written twice on the way to an edit (npm reads the last one): refused, naming it. */
function assertNoDuplicateKeys(text: string, path: JSONPath, file: string | undefined): void {
  let node = parseTree(text);
  for (let i = 0; node && i < path.length; i++) {
    if (node.type !== 'object') return;
    const named = (node.children ?? []).filter((property) => property.children?.[0]?.value === path[i]);
    if (named.length > 1) {
      throw new ShipshapeError(
        `"${path.slice(0, i + 1).join('.')}" is written ${named.length} times (npm reads the last one): keep one, nothing was written`,
        file,
      );
    }
    node = named[0]?.children?.[1];
  }
}

function assertWellFormed(text: string, file?: string): void {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length === 0) return;
  const { line, column } = positionAt(text, errors[0].offset);
  throw new ShipshapeError(
    `cannot edit invalid JSON at line ${line}, column ${column}: ${describe(printParseErrorCode(errors[0].error))}`,
    file,
  );
}

function valueAt(text: string, path: JSONPath): unknown {
  let node: unknown = parse(text);
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Where the key of `path` is written (the value itself for an array element, the root value for `[]`). */
export function locateJson(text: string, path: (string | number)[]): { line: number; column: number } | undefined {
  const root = parseTree(text);
  const node = root && findNodeAtLocation(root, path);
  if (!node) return undefined;
  const anchor = node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
  return positionAt(text, anchor.offset);
}
