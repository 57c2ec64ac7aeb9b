import fc from 'fast-check';
import { tomlDocument } from './__fixtures__/toml-documents';
import { locateToml } from './toml-locate';

const pyproject = `[build-system]
requires = ["hatchling"]

[project]
name = "demo"
  license = { text = "MIT" }
authors = [{ name = "A" }, { name = "B" }]
urls.home = "https://example.org"

[tool.ruff]
line-length = 100

[[tool.mypy.overrides]]
module = "a"

[[tool.mypy.overrides]]
module = "b"
`;

describe('locateToml', () => {
  it('finds a table header', () => {
    expect(locateToml(pyproject, ['project'])).toEqual({ line: 4, column: 1 });
    expect(locateToml(pyproject, ['build-system'])).toEqual({ line: 1, column: 1 });
  });

  it('finds a key, 1-based, including an indented one', () => {
    expect(locateToml(pyproject, ['project', 'name'])).toEqual({ line: 5, column: 1 });
    expect(locateToml(pyproject, ['project', 'license'])).toEqual({ line: 6, column: 3 });
  });

  it('finds keys inside inline tables and arrays, and dotted keys', () => {
    expect(locateToml(pyproject, ['project', 'license', 'text'])).toEqual({ line: 6, column: 15 });
    expect(locateToml(pyproject, ['project', 'authors', '1', 'name'])).toEqual({ line: 7, column: 30 });
    expect(locateToml(pyproject, ['project', 'urls', 'home'])).toEqual({ line: 8, column: 1 });
    expect(locateToml(pyproject, ['project', 'urls'])).toEqual({ line: 8, column: 1 });
  });

  it('finds an implicit table at the first header under it, and each table of an array', () => {
    expect(locateToml(pyproject, ['tool'])).toEqual({ line: 10, column: 1 });
    expect(locateToml(pyproject, ['tool', 'mypy', 'overrides'])).toEqual({ line: 13, column: 1 });
    expect(locateToml(pyproject, ['tool', 'mypy', 'overrides', '1'])).toEqual({ line: 16, column: 1 });
    expect(locateToml(pyproject, ['tool', 'mypy', 'overrides', '1', 'module'])).toEqual({ line: 17, column: 1 });
  });

  it('returns undefined for a missing path or a malformed file', () => {
    expect(locateToml(pyproject, ['project', 'version'])).toBeUndefined();
    expect(locateToml(pyproject, ['tool', 'black'])).toBeUndefined();
    expect(locateToml('[project\n', ['project'])).toBeUndefined();
  });

  it('finds every generated key on its line and every table on its header', () => {
    fc.assert(
      fc.property(tomlDocument(), (doc) => {
        const lineOf = (offset: number) => doc.text.slice(0, offset).split('\n').length;
        for (const site of doc.values) {
          expect(locateToml(doc.text, site.path)?.line).toBe(
            lineOf(
              site.inline
                ? site.span[0]
                : site.lineSpan[0] + (doc.text.slice(site.lineSpan[0]).length - doc.text.slice(site.lineSpan[0]).trimStart().length),
            ),
          );
        }
        for (const table of doc.tables.filter((t) => t.headerSpan)) {
          expect(locateToml(doc.text, table.path)).toEqual({ line: lineOf(table.headerSpan![0]), column: 1 });
        }
      }),
    );
  });
});
