/**
 * The cache key of a shape.
 * @internal
 */
export function cacheKey(kind: string, size: number): string {
  return `${kind}:${size}`;
}

/**
 * Tunes the cache; for the benchmarks.
 * @internal
 */
export function tuneCache(entries: number): void {
  void entries;
}
