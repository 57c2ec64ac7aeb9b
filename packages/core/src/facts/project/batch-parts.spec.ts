import { partsOf } from './batch-parts';

describe('partsOf', () => {
  it('cuts members in their order into parts of at most the limit, a larger member alone', () => {
    const sizes = { a: 2, b: 2, c: 5, d: 1, e: 1 };
    const parts = partsOf(Object.keys(sizes), (name) => sizes[name as keyof typeof sizes], 4);
    expect(parts).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
  });
});
