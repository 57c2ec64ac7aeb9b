import { matchesGlob } from './glob';

describe('matchesGlob', () => {
  it.each([
    ['libs/a/src/x.ts', 'libs/a/**', true],
    ['libs/a/src/x.ts', 'libs/*/src/*.ts', true],
    ['libs/a/src/deep/x.ts', 'libs/*/src/*.ts', false],
    ['libs/a/src/deep/x.ts', 'libs/**/*.ts', true],
    ['libs/a/package.json', 'libs/a/package.json', true],
    ['libs/a/package.jsonx', 'libs/a/package.json', false],
    ['libs/a/x.ts', '**/x.?s', true],
  ])('%s ~ %s is %s', (path, glob, expected) => {
    expect(matchesGlob(path, glob)).toBe(expected);
  });
});
