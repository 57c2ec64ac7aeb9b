/**
 * A module loaded the first time it is used: the TypeScript compiler (through ts-morph) takes a second to load,
 * and the processes that never parse TypeScript (the Nx plugin, a runtime cache input, a Python-only audit)
 * should not pay for it.
 */
export function lazyModule<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
