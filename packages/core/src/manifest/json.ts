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
  // A byte-order mark is kept where it is, outside what the parser and the edits see.
  if (text.charCodeAt(0) === 0xfeff) return `\ufeff${editJson(stripBom(text), edits, file)}`;
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
      replaceOnOneLine(current, edit.path, edit.value) ??
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
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const eol = detectEol(text);
  const property = `${JSON.stringify(key)}: ${JSON.stringify(value, null, indentUnit).split('\n').join(`${eol}${indent}`)}`;
  // The rest of the last property's line: a trailing comma (JSONC) and a comment stay on that line, with it.
  const rest = /^([ \t]*)(,?)([ \t]*(?:\/\/[^\r\n]*|\/\*[^\r\n]*?\*\/)?[ \t]*)(?=\r?\n)/.exec(text.slice(end));
  if (rest) {
    const trailingComma = rest[2] === ',';
    const lineEnd = end + rest[0].length;
    const comma = trailingComma ? `${rest[1]},` : `,${rest[1]}`;
    return `${text.slice(0, end)}${comma}${rest[3]}${eol}${indent}${property}${trailingComma ? ',' : ''}${text.slice(lineEnd)}`;
  }
  if (/^\s*,/.test(text.slice(end))) return undefined;
  return `${text.slice(0, end)},${eol}${indent}${property}${text.slice(end)}`;
}

/**
 * A new value for a list or object the user wrote on one line (`"files": ["dist"]`), written on one line too, in
 * its spacing; undefined for anything else (the formatter's layout then applies).
 */
function replaceOnOneLine(text: string, path: JSONPath, value: unknown): string | undefined {
  const root = parseTree(text);
  const node = root && findNodeAtLocation(root, path);
  if (!node || (node.type !== 'array' && node.type !== 'object') || value === null || typeof value !== 'object') return undefined;
  const original = text.slice(node.offset, node.offset + node.length);
  if (/[\r\n]/.test(original)) return undefined;
  // The spacing the user wrote; what the original does not show follows what it does (`{"x":1}` is compact).
  const colon = original.includes(':') ? (/:[ \t]/.test(original) ? ': ' : ':') : undefined;
  const comma = original.includes(',') ? (/,[ \t]/.test(original) ? ', ' : ',') : colon === ':' ? ',' : ', ';
  const style = { comma, colon: colon ?? (comma === ',' ? ':' : ': '), padded: /^[[{][ \t]+\S/.test(original) };
  return `${text.slice(0, node.offset)}${oneLine(value, style)}${text.slice(node.offset + node.length)}`;
}

function oneLine(value: unknown, style: { comma: string; colon: string; padded: boolean }): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const parts = Array.isArray(value)
    ? value.map((item) => oneLine(item, style))
    : Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${JSON.stringify(k)}${style.colon}${oneLine(v, style)}`);
  if (parts.length === 0) return `${open}${close}`;
  const pad = style.padded ? ' ' : '';
  return `${open}${pad}${parts.join(style.comma)}${pad}${close}`;
}

/** How many times the last key of `path` is written in its object (npm and `JSON.parse` read the last one); 0 when absent. */
export function timesWritten(text: string, path: JSONPath): number {
  let node = parseTree(text);
  for (let i = 0; node && i < path.length; i++) {
    if (node.type !== 'object') return 0;
    const named = (node.children ?? []).filter((property) => property.children?.[0]?.value === path[i]);
    if (i === path.length - 1) return named.length;
    node = named[0]?.children?.[1];
  }
  return 0;
}

/** A key written twice on the way to an edit (npm reads the last one): refused, naming it. */
function assertNoDuplicateKeys(text: string, path: JSONPath, file: string | undefined): void {
  for (let i = 1; i <= path.length; i++) {
    const times = timesWritten(text, path.slice(0, i));
    if (times > 1) {
      throw new ShipshapeError(
        `"${path.slice(0, i).join('.')}" is written ${times} times (npm reads the last one): keep one, nothing was written`,
        file,
      );
    }
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
