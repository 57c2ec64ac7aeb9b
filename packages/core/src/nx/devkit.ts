/**
 * @nx/devkit, loaded when first needed: it takes longer to load than the rest of core, and an audit, which
 * loads core too, never needs it. Only its public entry point is used.
 */
export function devkit(): typeof import('@nx/devkit') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above
  return require('@nx/devkit') as typeof import('@nx/devkit');
}
