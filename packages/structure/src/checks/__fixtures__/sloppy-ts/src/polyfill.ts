// Older runtimes lack structuredClone.
if (typeof globalThis.structuredClone !== 'function') {
  (globalThis as { structuredClone?: unknown }).structuredClone = (value: unknown) => JSON.parse(JSON.stringify(value));
}
