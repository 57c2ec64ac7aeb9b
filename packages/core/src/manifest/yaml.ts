import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { assertSameKind } from './edit-guard';
import { ShipshapeError } from '../util/errors';
import { detectEol, detectIndent, withEol } from './format';
import { keepOriginalLines } from './keep-lines';
import { positionAt, type Position } from './position';
import { sameData } from './same-data';

/** Sets `path` to `value`; `value: undefined` removes the key. */
export interface YamlEdit {
  path: (string | number)[];
  value: unknown;
  /** The edit changes the kind of an existing value on purpose. */
  convert?: boolean;
}

/** The file as a `yaml` Document (comments kept); a malformed file gives one ShipshapeError naming the file, line and column. */
export function parseYaml(text: string, file: string): Document {
  const document = parseDocument(text);
  const [error] = document.errors;
  if (error) throw new ShipshapeError(describeYamlError(error), file);
  return document;
}

function describeYamlError(error: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }): string {
  const problem = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const at = error.linePos?.[0];
  return at ? `invalid YAML at line ${at.line}, column ${at.col}: ${problem}` : `invalid YAML: ${problem}`;
}

/**
 * Applies the edits through the Document API, then puts back every line the serializer re-rendered
 * without changing the data, so comments and formatting outside the edits stay byte for byte.
 */
export function editYaml(text: string, edits: YamlEdit[], file?: string): string {
  const document = parseDocument(text);
  const [error] = document.errors;
  if (error) throw new ShipshapeError(`cannot edit ${describeYamlError(error)}`, file);
  for (const { path, value, convert } of edits) {
    assertNoAlias(document, path, file);
    assertSameKind(document.toJS(), path, value, file, convert);
  }
  let changed = false;
  for (const { path, value } of edits) {
    const current: unknown = document.getIn(path);
    const currentValue: unknown = current instanceof Object && 'toJSON' in current ? (current as Node).toJSON() : current;
    if (sameData(currentValue, value) && document.hasIn(path) === (value !== undefined)) continue;
    if (value === undefined) document.deleteIn(path);
    else document.setIn(path, value);
    changed = true;
  }
  if (!changed) return text;
  const indent = detectIndent(text);
  const indentSeq = !/^([ \t]*)[^\s#-][^\n]*:[ \t]*\r?\n\1- /m.test(text);
  let rendered = withEol(document.toString({ indent: indent === '\t' ? 2 : indent.length, indentSeq, lineWidth: 0 }), detectEol(text));
  if (!/\n$/.test(text)) rendered = rendered.replace(/\r?\n$/, '');
  const expected = dataOf(rendered);
  return keepOriginalLines(text, rendered, (candidate) => sameData(dataOf(candidate), expected));
}

/**
 * An edit through an alias (`other: *defaults`) would change the anchored node, and so every place that uses it:
 * refused, naming both, and nothing is written.
 */
function assertNoAlias(document: Document, path: ReadonlyArray<string | number>, file: string | undefined): void {
  let node: unknown = document.contents;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) {
      throw new ShipshapeError(
        `"${path.slice(0, i).join('.')}" is an alias of the anchor &${node.source}, shared with every other use of it: edit it by hand, nothing was written`,
        file,
      );
    }
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const key: unknown = item.key;
        return (isScalar(key) ? key.value : key) === path[i];
      });
      node = pair?.value;
    } else if (isSeq(node) && typeof path[i] === 'number') {
      node = node.items[path[i] as number];
    } else {
      return;
    }
  }
}

function dataOf(text: string): unknown {
  const document = parseDocument(text);
  return document.errors.length > 0 ? document.errors[0] : document.toJS();
}

/** Where the key of `path` is written (the item itself for a sequence index, the document for `[]`). */
export function locateYaml(text: string, path: (string | number)[]): Position | undefined {
  const document = parseDocument(text);
  let node: unknown = document.contents;
  let anchor: Node | undefined = node as Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const key: unknown = item.key;
        return (key instanceof Object && 'value' in key ? (key as { value: unknown }).value : key) === segment;
      });
      if (!pair) return undefined;
      anchor = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      anchor = node as Node | undefined;
      if (!anchor) return undefined;
    } else {
      return undefined;
    }
  }
  const offset = anchor?.range?.[0];
  return offset === undefined ? undefined : positionAt(text, offset);
}
