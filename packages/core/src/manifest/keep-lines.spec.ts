import { keepOriginalLines } from './keep-lines';
import { liftInsertion } from './lift-insertion';

const sameLetters = (reference: string) => (candidate: string) => candidate.replace(/[^a-z]/g, '') === reference.replace(/[^a-z]/g, '');

describe('keepOriginalLines', () => {
  it('returns the edited text when nothing else can be put back', () => {
    expect(keepOriginalLines('a\nb\n', 'a\nc\n', sameLetters('a\nc\n'))).toBe('a\nc\n');
  });

  it('puts back lines that differ only in data-neutral characters', () => {
    expect(keepOriginalLines('a  \n  b\nc\n', 'a\nb\nd\n', sameLetters('abd'))).toBe('a  \n  b\nd\n');
  });

  it('keeps the indentation and shared words of a replaced line', () => {
    const same = (candidate: string) => candidate.replace(/\s+/g, ' ').trim() === 'key = new # note';
    expect(keepOriginalLines('key =\told   # note\n', 'key = new # note\n', same)).toBe('key =\tnew   # note\n');
  });

  it('puts back a blank line the serializer dropped, where it was', () => {
    expect(keepOriginalLines('a\n\nb\nc\n', 'a\nb\nd\n', sameLetters('abd'))).toBe('a\n\nb\nd\n');
  });

  it('never accepts a text whose data differs', () => {
    const strict = (candidate: string) => candidate === 'x\ny\n' || candidate === 'x \ny\n';
    expect(keepOriginalLines('x \nz\n', 'x\ny\n', strict)).toBe('x \ny\n');
  });

  it('keeps the final-newline state of the edited text', () => {
    expect(keepOriginalLines('a \nb', 'a\nc', sameLetters('ac'))).toBe('a \nc');
  });
});

describe('liftInsertion', () => {
  const lift = { claims: (line: string) => line.startsWith('['), passes: (line: string) => /^(#.*)?\n$/.test(line) };
  const any = () => true;

  it('moves inserted lines above the comment and blank lines that lead to a header', () => {
    expect(liftInsertion('[a]\nx = 1\n\n# b\n[b]\n', '[a]\nx = 1\n\n# b\ny = 2\n[b]\n', lift, any)).toBe('[a]\nx = 1\ny = 2\n\n# b\n[b]\n');
  });

  it('drops the blank line the library put in front of the inserted lines once they are lifted', () => {
    expect(liftInsertion('[a]\nx = 1\n# b\n[b]\n', '[a]\nx = 1\n# b\n\ny = 2\n[b]\n', lift, any)).toBe('[a]\nx = 1\ny = 2\n# b\n[b]\n');
  });

  it('stops where the data would change, and leaves other edits alone', () => {
    expect(liftInsertion('[a]\n# b\n[b]\n', '[a]\n# b\ny = 2\n[b]\n', lift, (c) => !c.startsWith('[a]\ny'))).toBe('[a]\n# b\ny = 2\n[b]\n');
    expect(liftInsertion('[a]\n# b\n', '[a]\n# b\ny = 2\n', lift, any)).toBe('[a]\n# b\ny = 2\n');
    expect(liftInsertion('[a]\nx\n# b\n[b]\n', '[a]\nz\n# b\ny\n[b]\n', lift, any)).toBe('[a]\nz\n# b\ny\n[b]\n');
  });
});
