import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { isShipshapeError } from '../util/errors';
import {
  jsonDocument,
  jsonGet,
  jsonKeys,
  jsonObjectPaths,
  jsonPaths,
  jsonValue,
  jsonWith,
  type JsonValue,
} from './__fixtures__/json-documents';
import { deletion, insertion } from './__fixtures__/text-diff';
import { editToml } from './toml';
import { editJson, locateJson, parseJson, readJsonFile } from './json';
import { errorOf } from '../testing/error-of';

function valueSpan(text: string, path: (string | number)[]): [number, number] {
  const node = findNodeAtLocation(parseTree(text)!, path)!;
  return [node.offset, node.offset + node.length];
}

describe('parseJson', () => {
  it('returns the data of strict JSON', () => {
    expect(parseJson('{"name": "a", "n": [1, 2]}', 'package.json')).toEqual({ name: 'a', n: [1, 2] });
  });

  it('names the file, line and column of a missing property name', () => {
    const error = errorOf(() => parseJson('{\n  "a": 1,\n  }\n', 'packages/a/package.json'));
    expect(isShipshapeError(error)).toBe(true);
    expect(error.message).toBe('packages/a/package.json: invalid JSON at line 3, column 3: property name expected');
  });

  it('rejects comments and trailing commas, which package.json may not have', () => {
    expect(errorOf(() => parseJson('{\n  // note\n  "a": 1\n}', 'nx.json')).message).toBe(
      'nx.json: invalid JSON at line 2, column 3: invalid comment token',
    );
    expect(errorOf(() => parseJson('[1,\n 2,\n]', 'x.json')).message).toMatch(/^x\.json: invalid JSON at line 3, column 1: /);
  });

  it('reports an empty file', () => {
    expect(errorOf(() => parseJson('', 'package.json')).message).toBe('package.json: invalid JSON at line 1, column 1: value expected');
  });

  it('accepts a leading byte order mark', () => {
    expect(parseJson('\uFEFF{"a": 1}', 'package.json')).toEqual({ a: 1 });
  });
});

describe('readJsonFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-json-'));

  it('keeps the exact text next to the data', () => {
    const file = join(dir, 'package.json');
    writeFileSync(file, '{\r\n\t"name": "a"\r\n}');
    expect(readJsonFile(file, 'libs/a/package.json')).toEqual({
      path: 'libs/a/package.json',
      text: '{\r\n\t"name": "a"\r\n}',
      data: { name: 'a' },
    });
  });

  it('names the shown path of a missing or malformed file', () => {
    expect(errorOf(() => readJsonFile(join(dir, 'none.json'), 'libs/none/package.json')).message).toBe(
      'libs/none/package.json: file not found',
    );
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"a": }');
    expect(errorOf(() => readJsonFile(file, 'libs/bad/package.json')).message).toBe(
      'libs/bad/package.json: invalid JSON at line 1, column 7: value expected',
    );
  });
});

describe('editJson', () => {
  const packageJson = '{\n    "name": "a",\n    "scripts": {\n        "build": "tsc"\n    }\n}\n';

  it('appends a new key at the end of its object with the file indentation', () => {
    expect(editJson(packageJson, [{ path: ['scripts', 'test'], value: 'jest' }])).toBe(
      '{\n    "name": "a",\n    "scripts": {\n        "build": "tsc",\n        "test": "jest"\n    }\n}\n',
    );
  });

  it('writes tabs and CRLF when the file uses them', () => {
    expect(editJson('{\r\n\t"name": "a"\r\n}', [{ path: ['files'], value: ['dist'] }])).toBe(
      '{\r\n\t"name": "a",\r\n\t"files": [\r\n\t\t"dist"\r\n\t]\r\n}',
    );
  });

  it('removes a key when the value is undefined', () => {
    expect(editJson(packageJson, [{ path: ['name'], value: undefined }])).toBe('{\n    "scripts": {\n        "build": "tsc"\n    }\n}\n');
  });

  it('leaves the text alone when the value is already there', () => {
    const text = '{ "a":   {"b" :1} }';
    expect(editJson(text, [{ path: ['a'], value: { b: 1 } }])).toBe(text);
  });

  it('keeps comments of a JSONC file (tsconfig.json)', () => {
    expect(editJson('{\n  // strictness\n  "strict": true\n}\n', [{ path: ['strict'], value: false }])).toBe(
      '{\n  // strictness\n  "strict": false\n}\n',
    );
  });

  it('refuses to edit malformed JSON, with its position', () => {
    const error = errorOf(() => editJson('{"a": 1,, }', [{ path: ['b'], value: 1 }]));
    expect(isShipshapeError(error)).toBe(true);
    expect(error.message).toBe('cannot edit invalid JSON at line 1, column 9: property name expected');
  });
});

describe('locateJson', () => {
  const text = '{\n  "name": "a",\n  "nested": {\n    "list": [1, {"deep": true}]\n  }\n}';

  it('finds the key of a property, 1-based', () => {
    expect(locateJson(text, ['name'])).toEqual({ line: 2, column: 3 });
    expect(locateJson(text, ['nested', 'list'])).toEqual({ line: 4, column: 5 });
    expect(locateJson(text, ['nested', 'list', 1, 'deep'])).toEqual({ line: 4, column: 18 });
  });

  it('finds an array element and the root', () => {
    expect(locateJson(text, ['nested', 'list', 0])).toEqual({ line: 4, column: 14 });
    expect(locateJson(text, [])).toEqual({ line: 1, column: 1 });
  });

  it('returns undefined for a missing key', () => {
    expect(locateJson(text, ['version'])).toBeUndefined();
    expect(locateJson(text, ['nested', 'other', 'x'])).toBeUndefined();
  });
});

describe('editJson properties', () => {
  const withPath = jsonDocument
    .filter((doc) => jsonPaths(doc.data).length > 0)
    .chain((doc) => fc.tuple(fc.constant(doc), fc.constantFrom(...jsonPaths(doc.data))));
  const endsWithEol = (text: string) => text.endsWith('\n');

  it('gives back an untouched document byte for byte, also when an edit sets the value already there', () => {
    fc.assert(
      fc.property(withPath, ([doc, path]) => {
        expect(editJson(doc.text, [])).toBe(doc.text);
        expect(editJson(doc.text, [{ path, value: jsonGet(doc.data, path) }])).toBe(doc.text);
      }),
    );
  });

  it('changes only the edited value', () => {
    fc.assert(
      fc.property(withPath, jsonValue, ([doc, path], value) => {
        const [start, end] = valueSpan(doc.text, path);
        const result = editJson(doc.text, [{ path, value, convert: true }]);
        expect(result.startsWith(doc.text.slice(0, start))).toBe(true);
        expect(result.endsWith(doc.text.slice(end))).toBe(true);
        expect(parseJson(result, 'edited.json')).toEqual(jsonWith(doc.data, path, value));
      }),
    );
  });

  it('inserts a new key at the end of its object, with the file indentation and line endings', () => {
    const withObject = jsonDocument.chain((doc) => {
      const objects = jsonObjectPaths(doc.data);
      return fc.tuple(fc.constant(doc), fc.constantFrom(...objects)).chain(([d, objectPath]) => {
        const object = jsonGet(d.data, objectPath) as Record<string, JsonValue>;
        const free = [...jsonKeys, 'added'].filter((key) => !Object.hasOwn(object, key));
        return fc.tuple(fc.constant(d), fc.constant(objectPath), fc.constantFrom(...free), jsonValue);
      });
    });
    fc.assert(
      fc.property(withObject, ([doc, objectPath, key, value]) => {
        const result = editJson(doc.text, [{ path: [...objectPath, key], value, convert: true }]);
        const inserted = insertion(doc.text, result);
        expect(inserted).toBeDefined();
        const data = parseJson<Record<string, JsonValue>>(result, 'edited.json');
        expect(data).toEqual(jsonWith(doc.data, [...objectPath, key], value));
        expect(Object.keys(jsonGet(data, objectPath) as object).at(-1)).toBe(key);
        const eol = doc.text.includes('\n') ? doc.eol : '\n';
        const indent = /\n[ \t]/.test(doc.text) ? doc.indent : '  ';
        if (eol === '\r\n') expect(inserted!.text.replace(/\r\n/g, '')).not.toContain('\n');
        else expect(inserted!.text).not.toContain('\r');
        expect(inserted!.text).toContain(`${eol}${indent.repeat(objectPath.length + 1)}${JSON.stringify(key)}`);
        expect(endsWithEol(result)).toBe(endsWithEol(doc.text));
      }),
    );
  });

  it('removes a key and nothing else', () => {
    fc.assert(
      fc.property(withPath, ([doc, path]) => {
        const [start, end] = valueSpan(doc.text, path);
        const result = editJson(doc.text, [{ path, value: undefined }]);
        const removed = deletion(doc.text, result);
        expect(removed).toBeDefined();
        expect(removed!.from <= start && removed!.to + removed!.length >= end).toBe(true);
        expect(parseJson(result, 'edited.json')).toEqual(jsonWith(doc.data, path, undefined));
        expect(endsWithEol(result)).toBe(endsWithEol(doc.text));
      }),
    );
  });

  it('locates every key where the text has it', () => {
    fc.assert(
      fc.property(withPath, ([doc, path]) => {
        const { line, column } = locateJson(doc.text, path)!;
        const lineText = doc.text.split(/\r?\n/)[line - 1];
        expect(lineText.slice(column - 1)).toMatch(new RegExp(`^${escapeRegExp(JSON.stringify(path[path.length - 1]))}\\s*:`));
      }),
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('editJson keeps the neighbours of a new key as they are', () => {
  it.each([
    [
      'an inline array',
      '{\r\n    "name": "@ws/a",\r\n    "keywords": ["a",   "b"]\r\n}\r\n',
      '{\r\n    "name": "@ws/a",\r\n    "keywords": ["a",   "b"],\r\n    "license": "MIT"\r\n}\r\n',
    ],
    ['an inline object, tabs', '{\n\t"a": {"x": 1}\n}', '{\n\t"a": {"x": 1},\n\t"license": "MIT"\n}'],
  ])('after %s', (_label, original, expected) => {
    expect(editJson(original, [{ path: ['license'], value: 'MIT' }])).toBe(expected);
  });

  it('writes a new object value in the file indentation, nested in an existing object', () => {
    expect(editJson('{\n  "nx": {\n    "tags": [1,2,3]\n  }\n}\n', [{ path: ['nx', 'targets'], value: { audit: { cache: true } } }])).toBe(
      '{\n  "nx": {\n    "tags": [1,2,3],\n    "targets": {\n      "audit": {\n        "cache": true\n      }\n    }\n  }\n}\n',
    );
  });
});

describe('editJson and editToml refuse to overwrite what the user wrote with another kind of value', () => {
  it('names the field of a wrong-typed value, writing nothing', () => {
    expect(
      errorOf(() => editJson('{"description": 42}', [{ path: ['description'], value: 'A library' }], 'libs/a/package.json')).message,
    ).toBe('libs/a/package.json: "description" is a number (42), not a string: fix it by hand, nothing was written');
    expect(
      errorOf(() => editJson('{"dependencies": "lodash"}', [{ path: ['dependencies', 'lodash'], value: '^4' }], 'package.json')).message,
    ).toBe('package.json: "dependencies" is a string ("lodash"), not a table: fix it by hand, nothing was written');
    expect(JSON.parse(editJson('{"exports": "./a.js"}', [{ path: ['exports'], value: { '.': './a.js' }, convert: true }]))).toEqual({
      exports: { '.': './a.js' },
    });
  });

  it('names a key written twice on the way to the edit (npm reads the last one)', () => {
    const text = '{\n  "dependencies": { "a": "1" },\n  "dependencies": { "b": "2" }\n}\n';
    expect(errorOf(() => editJson(text, [{ path: ['dependencies', 'c'], value: '3' }], 'package.json')).message).toBe(
      'package.json: "dependencies" is written 2 times (npm reads the last one): keep one, nothing was written',
    );
  });

  it('refuses a pyproject list written as a string', () => {
    expect(
      errorOf(() =>
        editToml(
          '[project]\nname = "a"\ndependencies = "requests"\n',
          [{ path: ['project', 'dependencies', '0'], value: 'requests>=2' }],
          'pyproject.toml',
        ),
      ).message,
    ).toMatch(/^pyproject\.toml: "project\.dependencies" is a string \("requests"\), not a table: fix it by hand, nothing was written$/);
    expect(
      errorOf(() =>
        editToml(
          '[project]\nname = "a"\ndependencies = "requests"\n',
          [{ path: ['project', 'dependencies'], value: ['requests>=2'] }],
          'pyproject.toml',
        ),
      ).message,
    ).toBe('pyproject.toml: "project.dependencies" is a string ("requests"), not a list: fix it by hand, nothing was written');
  });
});
