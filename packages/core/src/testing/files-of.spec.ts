import { filesOf } from './files-of';

describe('filesOf', () => {
  it('reads the files of a text, each after its == line, without the text indentation', () => {
    expect(
      filesOf(`
        == a/package.json
        {"name":"a"}
        == a/src/x.py
        def f():
            return 1
      `),
    ).toEqual({ 'a/package.json': '{"name":"a"}\n', 'a/src/x.py': 'def f():\n    return 1\n' });
  });
});
