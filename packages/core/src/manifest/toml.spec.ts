import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isShipshapeError } from '../util/errors';
import { deletion, insertion } from './__fixtures__/text-diff';
import {
  getIn,
  newKeyNames,
  newTableNames,
  tomlDocument,
  tomlNewTable,
  tomlNewValue,
  withValue,
  type GeneratedToml,
} from './__fixtures__/toml-documents';
import { editToml, parseToml, readTomlFile } from './toml';
import { errorOf } from '../testing/error-of';

const pyproject = `# Project metadata
[project]
name = 'demo'   # the import name
version = "0.1.0"
dependencies = [
    "requests>=2",  # http
]

# Linters
[tool.ruff]
line-length = 100
`;

describe('parseToml', () => {
  it('returns the data', () => {
    expect(parseToml(pyproject, 'pyproject.toml')).toEqual({
      project: { name: 'demo', version: '0.1.0', dependencies: ['requests>=2'] },
      tool: { ruff: { 'line-length': 100 } },
    });
  });

  it('gives one error naming the file, line, column and problem', () => {
    const error = errorOf(() => parseToml('[project]\nname = "a"\nversion = \n', 'libs/py/pyproject.toml'));
    expect(isShipshapeError(error)).toBe(true);
    expect(error.message).toBe('libs/py/pyproject.toml: invalid TOML at line 3, column 1: expected value, reached EOF');
    expect(error.message).not.toContain('\n');
  });

  it('reports a duplicated key where it is', () => {
    expect(errorOf(() => parseToml('a = 1\na = 2\n', 'pyproject.toml')).message).toBe(
      'pyproject.toml: invalid TOML at line 2, column 1: value already defined for a',
    );
  });
});

describe('readTomlFile', () => {
  it('keeps the exact text next to the data, and names the shown path of a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-toml-'));
    writeFileSync(join(dir, 'pyproject.toml'), pyproject);
    expect(readTomlFile(join(dir, 'pyproject.toml'), 'py/pyproject.toml')).toMatchObject({
      path: 'py/pyproject.toml',
      text: pyproject,
      data: { project: { name: 'demo' } },
    });
    writeFileSync(join(dir, 'bad.toml'), '[project\n');
    expect(errorOf(() => readTomlFile(join(dir, 'bad.toml'), 'py/bad.toml')).message).toMatch(
      /^py\/bad\.toml: invalid TOML at line 1, column \d+: /,
    );
  });
});

describe('editToml', () => {
  it('adds a key to a table right after its last key, leaving the comment of the next table above it', () => {
    expect(editToml(pyproject, [{ path: ['project', 'license'], value: 'MIT' }])).toBe(
      pyproject.replace(']\n\n# Linters', ']\nlicense = "MIT"\n\n# Linters'),
    );
  });

  it('changes a value in place, keeping its quoting and line comment', () => {
    expect(editToml(pyproject, [{ path: ['project', 'name'], value: 'demo2' }])).toBe(pyproject.replace(`'demo'   #`, `'demo2'   #`));
  });

  it('adds a [build-system] section at the end', () => {
    const result = editToml(pyproject, [
      { path: ['build-system'], value: { requires: ['hatchling'], 'build-backend': 'hatchling.build' } },
    ]);
    expect(result.startsWith(pyproject)).toBe(true);
    expect(result.slice(pyproject.length)).toMatch(
      /^\n\[build-system\]\nrequires = \[ ?"hatchling" ?\]\nbuild-backend = "hatchling.build"\n$/,
    );
  });

  it('adds [tool.shipshape] as a section even though [tool] exists only implicitly', () => {
    const result = editToml(pyproject, [{ path: ['tool', 'shipshape'], value: { week: 1 } }]);
    expect(result).toBe(`${pyproject}\n[tool.shipshape]\nweek = 1\n`);
  });

  it('writes an inline table when asked', () => {
    const result = editToml(pyproject, [{ path: ['project', 'license'], value: { text: 'MIT' }, inline: true }]);
    expect(result).toContain('\nlicense = { text = "MIT" }\n\n# Linters');
    expect(parseToml(result, 'x')).toMatchObject({ project: { license: { text: 'MIT' } } });
  });

  it('removes a key', () => {
    expect(editToml(pyproject, [{ path: ['project', 'version'], value: undefined }])).toBe(pyproject.replace('version = "0.1.0"\n', ''));
  });

  it('keeps CRLF, a missing final newline and a tab after `=` on the edited line', () => {
    expect(editToml('[project]\r\nname =\t"a"\r\nversion = "1"', [{ path: ['project', 'name'], value: 'b' }])).toBe(
      '[project]\r\nname =\t"b"\r\nversion = "1"',
    );
    expect(editToml('[project]\r\nname = "a"', [{ path: ['project', 'license'], value: 'MIT' }])).toBe(
      '[project]\r\nname = "a"\r\nlicense = "MIT"',
    );
  });

  it('keeps header spacing and blank-line runs that toml-patch would normalise', () => {
    const text = '[ project ]\nname = "a"\n\n\n[tool.x]\ny = 1\n';
    expect(editToml(text, [{ path: ['tool', 'x', 'y'], value: 2 }])).toBe(text.replace('y = 1', 'y = 2'));
  });

  it('applies several edits in order', () => {
    const result = editToml(pyproject, [
      { path: ['project', 'version'], value: '0.2.0' },
      { path: ['project', 'readme'], value: 'README.md' },
      { path: ['tool', 'ruff', 'line-length'], value: undefined },
    ]);
    expect(parseToml(result, 'x')).toEqual({
      project: { name: 'demo', version: '0.2.0', dependencies: ['requests>=2'], readme: 'README.md' },
      tool: { ruff: {} },
    });
  });

  it('refuses malformed TOML and values TOML cannot hold, with a ShipshapeError', () => {
    const malformed = errorOf(() => editToml('a = 1\nx = 1 2\n', [{ path: ['a'], value: 2 }]));
    expect(isShipshapeError(malformed)).toBe(true);
    expect(malformed.message).toBe('cannot edit invalid TOML at line 2, column 7: key/value pairs must be separated by a newline');
    const nothing = errorOf(() => editToml('a = 1\n', [{ path: ['b'], value: null }]));
    expect(isShipshapeError(nothing)).toBe(true);
    expect(nothing.message).toMatch(/^cannot write b to TOML: /);
  });
});

describe('editToml properties', () => {
  const sites = (doc: GeneratedToml) => doc.values;
  const withSite = (shapes = {}) =>
    tomlDocument(shapes)
      .filter((doc) => sites(doc).length > 0)
      .chain((doc) => fc.tuple(fc.constant(doc), fc.constantFrom(...sites(doc))));
  const finalNewline = (text: string) => /\n$/.test(text);
  const eolKept = (doc: GeneratedToml, result: string) =>
    doc.eol === '\r\n' ? !/(^|[^\r])\n/.test(result) || !doc.text.includes('\n') : !result.includes('\r');

  it('gives back an untouched document byte for byte, also when an edit sets the value already there', () => {
    fc.assert(
      fc.property(withSite(), ([doc, site]) => {
        expect(editToml(doc.text, [])).toBe(doc.text);
        expect(editToml(doc.text, [{ path: site.path, value: site.value }])).toBe(doc.text);
      }),
    );
  });

  // A multi-line array whose items carry comments, replaced by a scalar, leaves its comments on lines of their own (toml-patch).
  it('changes only the edited value, or refuses with a ShipshapeError', () => {
    fc.assert(
      fc.property(withSite({ arrayComments: false }), tomlNewValue, ([doc, site], value) => {
        let result: string;
        try {
          result = editToml(doc.text, [{ path: site.path, value, convert: true }]);
        } catch (error) {
          expect(isShipshapeError(error)).toBe(true);
          expect(doc.eol === '\r\n' && typeof value === 'string' && value.includes('\n')).toBe(true);
          return;
        }
        const [start, end] = site.span;
        expect(result.startsWith(doc.text.slice(0, start))).toBe(true);
        expect(result.endsWith(doc.text.slice(end))).toBe(true);
        expect(parseToml(result, 'edited.toml')).toEqual(withValue(doc.data, site.path, value));
      }),
    );
  });

  it('inserts a missing key into its table, between the header and the next one', () => {
    const withTable = tomlDocument().chain((doc) =>
      fc.constantFrom(...doc.tables).chain((table) => {
        const free = newKeyNames.filter((key) => !table.keys.includes(key) && getIn(doc.data, [...table.path, key]) === undefined);
        return fc.tuple(
          fc.constant(doc),
          fc.constant(table),
          fc.constantFrom(...free),
          tomlNewValue.filter((v) => typeof v !== 'string' || !v.includes('\n')),
        );
      }),
    );
    fc.assert(
      fc.property(withTable, ([doc, table, key, value]) => {
        const path = [...table.path, key];
        const result = editToml(doc.text, [{ path, value, convert: true }]);
        const inserted = insertion(doc.text, result);
        expect(inserted).toBeDefined();
        expect(inserted!.to).toBeGreaterThanOrEqual(table.headerSpan?.[1] ?? 0);
        expect(inserted!.from).toBeLessThanOrEqual(table.nextHeader);
        expect(parseToml(result, 'edited.toml')).toEqual(withValue(doc.data, path, value));
        expect(eolKept(doc, result)).toBe(true);
        if (doc.text !== '') expect(finalNewline(result)).toBe(finalNewline(doc.text));
      }),
    );
  });

  it('appends a new table as a [section] and changes nothing else', () => {
    const withNewTable = tomlDocument().chain((doc) => {
      const tables = ['tool', 'project', 'entries'].filter(
        (head) => doc.data[head] && !Array.isArray(doc.data[head]) && typeof doc.data[head] === 'object',
      );
      const paths = [
        ...newTableNames.filter((name) => !(name in doc.data)).map((name) => [name]),
        ...tables.map((head) => [head, 'shipshape']),
      ];
      return fc.tuple(fc.constant(doc), fc.constantFrom(...paths), tomlNewTable);
    });
    fc.assert(
      fc.property(withNewTable, ([doc, path, value]) => {
        const result = editToml(doc.text, [{ path, value, convert: true }]);
        const inserted = insertion(doc.text, result);
        expect(inserted).toBeDefined();
        expect(inserted!.text).toContain(`[${path.join('.')}]`);
        expect(parseToml(result, 'edited.toml')).toEqual(withValue(doc.data, path, value));
        expect(eolKept(doc, result)).toBe(true);
        if (doc.text !== '') expect(finalNewline(result)).toBe(finalNewline(doc.text));
      }),
    );
  });

  // toml-patch lays out again an array of tables one of whose tables ends up empty (same data, other lines).
  const emptiesATableOfAnArray = (doc: GeneratedToml, path: string[]) => {
    const index = path.findIndex((segment) => /^\d+$/.test(segment));
    if (index < 0) return false;
    const table = getIn(withValue(doc.data, path, undefined), path.slice(0, index + 1)) as Record<string, unknown>;
    return Object.keys(table).length === 0;
  };

  it('removes a key and nothing else', () => {
    const removable = tomlDocument()
      .map((doc) => ({
        doc,
        candidates: doc.values.filter((site) => !site.inline && !site.dotted && !emptiesATableOfAnArray(doc, site.path)),
      }))
      .filter(({ candidates }) => candidates.length > 0)
      .chain(({ doc, candidates }) => fc.tuple(fc.constant(doc), fc.constantFrom(...candidates)));
    fc.assert(
      fc.property(removable, ([doc, site]) => {
        const result = editToml(doc.text, [{ path: site.path, value: undefined }]);
        const removed = deletion(doc.text, result);
        expect(removed).toBeDefined();
        expect(removed!.from <= site.span[0] && removed!.to + removed!.length >= site.span[1]).toBe(true);
        expect(parseToml(result, 'edited.toml')).toEqual(withValue(doc.data, site.path, undefined));
      }),
    );
  });
});
