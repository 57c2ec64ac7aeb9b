import fc from 'fast-check';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface GeneratedJson {
  text: string;
  data: Record<string, JsonValue>;
  indent: string;
  eol: '\n' | '\r\n';
}

export const jsonKeys = ['name', 'version', 'main', 'a/b', 'with space', 'ü', 'q"uote', 'dependencies', 'x.y'];

const scalar: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0.5, 3.25, 1e21, -7.125),
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '/', 'é', '😀', '\n', '\t', '\u0001'), maxLength: 8 }),
);

export const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue; object: Record<string, JsonValue> }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 3 }), tie('object')),
  object: fc.dictionary(fc.constantFrom(...jsonKeys), tie('value'), { maxKeys: 4 }),
})).value;

const rootObject = fc.dictionary(fc.constantFrom(...jsonKeys), jsonValue, { maxKeys: 5 });

/** JSON documents as `JSON.stringify` and editors write package.json: 2, 4 or tab indentation, LF or CRLF, with or without a final newline. */
export const jsonDocument: fc.Arbitrary<GeneratedJson> = fc
  .record({ data: rootObject, indent: fc.constantFrom('  ', '    ', '\t'), eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), finalNewline: fc.boolean() })
  .map(({ data, indent, eol, finalNewline }) => {
    const body = JSON.stringify(data, null, indent).replace(/\n/g, eol);
    return { text: finalNewline ? body + eol : body, data, indent, eol };
  });

/** Every path to a property of an object in `value` (array elements included on the way). */
export function jsonPaths(value: JsonValue, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, JsonValue][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [...(Array.isArray(value) ? [] : [[...prefix, key]]), ...jsonPaths(child, [...prefix, key])]);
}

/** Every path to an object in `value`, the root `[]` first. */
export function jsonObjectPaths(value: JsonValue, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, JsonValue][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const own = Array.isArray(value) ? [] : [prefix];
  return [...own, ...entries.flatMap(([key, child]) => jsonObjectPaths(child, [...prefix, key]))];
}

export function jsonGet(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

export function jsonWith(value: JsonValue, path: (string | number)[], next: JsonValue | undefined): JsonValue {
  const copy = structuredClone(value);
  const parent = jsonGet(copy, path.slice(0, -1)) as Record<string | number, JsonValue>;
  const key = path[path.length - 1];
  if (next === undefined) delete parent[key];
  else parent[key] = next;
  return copy;
}
