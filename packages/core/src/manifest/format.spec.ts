import { detectEol, detectIndent, stripBom, withEol } from './format';
import { positionAt } from './position';
import { sameData } from './same-data';

describe('format detection', () => {
  it('detects the line ending from the first line break', () => {
    expect(detectEol('a\r\nb\nc')).toBe('\r\n');
    expect(detectEol('a\nb\r\n')).toBe('\n');
    expect(detectEol('one line')).toBe('\n');
  });

  it('detects the indentation unit of the first indented line', () => {
    expect(detectIndent('{\n    "a": {\n        "b": 1\n    }\n}')).toBe('    ');
    expect(detectIndent('{\n\t"a": 1\n}')).toBe('\t');
    expect(detectIndent('{"a": 1}')).toBe('  ');
  });

  it('converts line endings and drops a byte order mark', () => {
    expect(withEol('a\nb\r\nc', '\r\n')).toBe('a\r\nb\r\nc');
    expect(stripBom('\uFEFF{}')).toBe('{}');
  });
});

describe('positionAt', () => {
  it('gives 1-based lines and columns', () => {
    expect(positionAt('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 });
  });
});

describe('sameData', () => {
  it('compares deeply, ignoring object prototypes', () => {
    const table = Object.assign(Object.create(null) as object, { a: [1, { b: 'x' }] });
    expect(sameData(table, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(sameData({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
  });

  it('compares dates by kind, or only by instant when loose', () => {
    class LocalDate extends Date {}
    expect(sameData(new Date(0), new LocalDate(0))).toBe(false);
    expect(sameData(new Date(0), new LocalDate(0), { loose: true })).toBe(true);
    expect(sameData(10n, 10)).toBe(false);
    expect(sameData(10n, 10, { loose: true })).toBe(true);
  });
});
