import fc from 'fast-check';
import { isShipshapeError } from '../util/errors';
import { jsonWith, type JsonValue } from './__fixtures__/json-documents';
import { deletion, insertion } from './__fixtures__/text-diff';
import { yamlDocument, yamlKeys, yamlScalar, type GeneratedYaml } from './__fixtures__/yaml-documents';
import { editYaml, locateYaml, parseYaml } from './yaml';
import { errorOf } from '../testing/error-of';

const workflow = `# CI
name: ci
on: [push, pull_request]

jobs:
  test:
    runs-on: ubuntu-latest   # the cheapest runner
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`;

describe('parseYaml', () => {
  it('returns a Document that keeps the comments', () => {
    const document = parseYaml(workflow, '.github/workflows/ci.yml');
    expect(document.toJS()).toMatchObject({ name: 'ci', on: ['push', 'pull_request'] });
    expect(document.toString()).toContain('# CI\n');
    expect(document.toString()).toContain('# the cheapest runner');
  });

  it('gives one error naming the file, line and column', () => {
    const error = errorOf(() => parseYaml('a: 1\na: 2\n', 'ci.yml'));
    expect(isShipshapeError(error)).toBe(true);
    expect(error.message).toBe('ci.yml: invalid YAML at line 2, column 1: Map keys must be unique');
    expect(errorOf(() => parseYaml('a: [1,\n', 'ci.yml')).message).toMatch(/^ci\.yml: invalid YAML at line 2, column 1: /);
  });
});

describe('editYaml', () => {
  it('changes a value and keeps every comment and the rest of the text', () => {
    expect(editYaml(workflow, [{ path: ['jobs', 'test', 'runs-on'], value: 'macos-latest' }])).toBe(
      workflow.replace('ubuntu-latest', 'macos-latest'),
    );
  });

  it('adds and removes keys', () => {
    const added = editYaml(workflow, [{ path: ['jobs', 'test', 'timeout-minutes'], value: 10 }]);
    expect(added).toBe(workflow + '    timeout-minutes: 10\n');
    expect(editYaml(workflow, [{ path: ['on'], value: undefined }])).toBe(workflow.replace('on: [push, pull_request]\n', ''));
  });

  it('keeps CRLF line endings', () => {
    expect(editYaml('a: 1\r\nb: 2\r\n', [{ path: ['c'], value: 3 }])).toBe('a: 1\r\nb: 2\r\nc: 3\r\n');
  });

  it('leaves the text alone when nothing changes', () => {
    const text = 'a:   1    # odd spacing\nb: [ x,y ]\n';
    expect(editYaml(text, [{ path: ['a'], value: 1 }])).toBe(text);
  });

  it('refuses malformed YAML', () => {
    const error = errorOf(() => editYaml('a: 1\na: 2\n', [{ path: ['b'], value: 1 }]));
    expect(isShipshapeError(error)).toBe(true);
    expect(error.message).toBe('cannot edit invalid YAML at line 2, column 1: Map keys must be unique');
  });
});

describe('locateYaml', () => {
  it('finds keys and sequence items, 1-based', () => {
    expect(locateYaml(workflow, ['jobs', 'test', 'runs-on'])).toEqual({ line: 7, column: 5 });
    expect(locateYaml(workflow, ['jobs', 'test', 'steps', 1])).toEqual({ line: 10, column: 9 });
    expect(locateYaml(workflow, ['jobs', 'build'])).toBeUndefined();
  });
});

describe('editYaml properties', () => {
  const withScalar = yamlDocument
    .filter((doc) => doc.scalars.length > 0)
    .chain((doc) => fc.tuple(fc.constant(doc), fc.constantFrom(...doc.scalars)));
  const data = (text: string) => parseYaml(text, 'edited.yml').toJS() as JsonValue;
  const eolKept = (doc: GeneratedYaml, result: string) =>
    !doc.text.includes('\n') || (doc.eol === '\r\n' ? !/(^|[^\r])\n/.test(result) : !result.includes('\r'));

  it('gives back an untouched document byte for byte, also when an edit sets the value already there', () => {
    fc.assert(
      fc.property(withScalar, ([doc, site]) => {
        expect(editYaml(doc.text, [])).toBe(doc.text);
        expect(editYaml(doc.text, [{ path: site.path, value: site.value }])).toBe(doc.text);
      }),
    );
  });

  // `yaml` writes a null map value as `key:`, without the space the prefix comparison expects.
  it('changes only the edited value', () => {
    fc.assert(
      fc.property(
        withScalar,
        yamlScalar.filter(({ value }) => value !== null),
        ([doc, site], { value }) => {
          const result = editYaml(doc.text, [{ path: site.path, value, convert: true }]);
          expect(result.startsWith(doc.text.slice(0, site.span[0]))).toBe(true);
          expect(result.endsWith(doc.text.slice(site.span[1]))).toBe(true);
          expect(data(result)).toEqual(jsonWith(doc.data as JsonValue, site.path, value as JsonValue));
        },
      ),
    );
  });

  it('inserts a new key into its mapping and changes nothing else', () => {
    const withMap = yamlDocument.chain((doc) =>
      fc
        .constantFrom(...doc.maps)
        .chain((map) =>
          fc.tuple(
            fc.constant(doc),
            fc.constant(map),
            fc.constantFrom(...[...yamlKeys, 'added'].filter((k) => !map.keys.includes(k))),
            yamlScalar,
          ),
        ),
    );
    fc.assert(
      fc.property(withMap, ([doc, map, key, { value }]) => {
        const result = editYaml(doc.text, [{ path: [...map.path, key], value }]);
        expect(insertion(doc.text, result)).toBeDefined();
        expect(data(result)).toEqual(jsonWith(doc.data as JsonValue, [...map.path, key], value as JsonValue));
        expect(eolKept(doc, result)).toBe(true);
      }),
    );
  });

  // Removing the only key of a mapping leaves `key: {}`, which is a change of the parent's value.
  it('removes a key and nothing else', () => {
    const withKey = yamlDocument
      .map((doc) => ({ doc, maps: doc.maps.filter((map) => map.keys.length > 1) }))
      .filter(({ maps }) => maps.length > 0)
      .chain(({ doc, maps }) =>
        fc.constantFrom(...maps).chain((map) => fc.tuple(fc.constant(doc), fc.constant(map.path), fc.constantFrom(...map.keys))),
      );
    fc.assert(
      fc.property(withKey, ([doc, mapPath, key]) => {
        const result = editYaml(doc.text, [{ path: [...mapPath, key], value: undefined }]);
        expect(deletion(doc.text, result)).toBeDefined();
        expect(data(result)).toEqual(jsonWith(doc.data as JsonValue, [...mapPath, key], undefined));
      }),
    );
  });
});
