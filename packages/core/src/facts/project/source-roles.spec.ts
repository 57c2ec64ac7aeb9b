import { isLibrarySource } from './source-roles';

describe('isLibrarySource', () => {
  it.each([
    ['src/index.ts', true],
    ['src/utils/format.ts', true],
    ['src/index.spec.ts', false],
    ['test/__fixtures__/input.ts', false],
    ['src/transforms/__testfixtures__/provider.input.tsx', false],
    ['fixtures/basic/index.ts', false],
    ['src/testdata/sample.ts', false],
    ['src/__snapshots__/x.ts', false],
    ['vite.config.ts', false],
    ['src/types.d.ts', false],
    ['src/tiny-invariant.flow.js', false],
  ])('%s is library code: %s', (path, expected) => {
    expect(isLibrarySource(path)).toBe(expected);
  });
});
