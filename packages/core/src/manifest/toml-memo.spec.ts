import { errorOf } from '../testing/error-of';
import { parseToml } from './toml';

// The real parser, counted.
jest.mock('@decimalturn/toml-patch', () => {
  const actual = jest.requireActual<typeof import('@decimalturn/toml-patch')>('@decimalturn/toml-patch');
  return { ...actual, parse: jest.fn(actual.parse) };
});
const parser = jest.requireMock<{ parse: jest.Mock }>('@decimalturn/toml-patch').parse;

describe('parseToml, on a text it has parsed before in this process', () => {
  beforeEach(() => parser.mockClear());

  it('does not parse it again, unless it holds dates', () => {
    parseToml('[project]\nname = "once"\n', 'pyproject.toml');
    parseToml('[project]\nname = "once"\n', 'other/pyproject.toml');
    expect(parser).toHaveBeenCalledTimes(1);
    parseToml('released = 1979-05-27\n', 'a.toml');
    parseToml('released = 1979-05-27\n', 'a.toml');
    expect(parser).toHaveBeenCalledTimes(3);
  });

  it('gives a text parsed before as a copy that changes to the first result do not reach, tables without a prototype as parsed', () => {
    const text = '[project]\nname = "memo"\ndependencies = ["a", { b = 1 }]\n';
    const first = parseToml<{ project: { name: string; dependencies: unknown[] } }>(text, 'pyproject.toml');
    first.project.name = 'changed by a caller';
    (first.project.dependencies[1] as { b: number }).b = 2;
    const again = parseToml<{ project: { name: string; dependencies: unknown[] } }>(text, 'pyproject.toml');
    expect(again.project).toEqual({ name: 'memo', dependencies: ['a', { b: 1 }] });
    expect(Object.getPrototypeOf(again.project)).toBe(Object.getPrototypeOf(parseToml('[x]\n', 'other.toml').x));
    again.project.name = 'changed again';
    expect(parseToml<{ project: { name: string } }>(text, 'pyproject.toml').project.name).toBe('memo');
  });

  it('gives the same date values on every parse of a text with dates', () => {
    const text = 'released = 1979-05-27\nat = 1979-05-27T07:32:00Z\n';
    const [first, again] = [parseToml<Record<string, Date>>(text, 'a.toml'), parseToml<Record<string, Date>>(text, 'a.toml')];
    expect(Object.getPrototypeOf(again.released)).toBe(Object.getPrototypeOf(first.released));
    expect(again.at.getTime()).toBe(first.at.getTime());
    expect(again.released).not.toBe(first.released);
  });

  it('still names the file of a malformed text it has seen before', () => {
    const text = '[project\n';
    expect(errorOf(() => parseToml(text, 'a/pyproject.toml')).message).toMatch(/^a\/pyproject\.toml: invalid TOML/);
    expect(errorOf(() => parseToml(text, 'b/pyproject.toml')).message).toMatch(/^b\/pyproject\.toml: invalid TOML/);
  });
});
