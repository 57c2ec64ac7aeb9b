/** Test files, by the conventions of jest, vitest, mocha and node:test. */
export const TEST_FILE = /(^|\/)(__tests__|__mocks__|__fixtures__)\/|\.(spec|test)\.[cm]?[jt]sx?$|(^|\/)(test|tests|e2e)\//;

/** Tool configuration at any level: `jest.config.ts`, `vite.config.mts`, `eslint.config.mjs`, `.eslintrc.js`, ... */
export const CONFIG_FILE = /(^|\/)([\w.-]+\.config|\.[\w-]+rc)\.[cm]?[jt]s$/;

/** Declaration files are types, not modules that run. */
export const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/** A project-relative path to a source file that belongs to the library itself (not a test, config or declaration). */
export function isLibrarySource(projectRelative: string): boolean {
  return !TEST_FILE.test(projectRelative) && !CONFIG_FILE.test(projectRelative) && !DECLARATION_FILE.test(projectRelative);
}
