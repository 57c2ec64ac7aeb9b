/** Config files whose string values name packages: tool configs and rc files. */
export const CONFIG_FILE = /(^|\/)([^/]*\.config\.[cm]?[jt]s|\.[a-z-]+rc(\.[cm]?js|\.json|\.ya?ml)?|[^/]*\.config\.json)$/i;

/** package.json fields that hold tool configuration. */
export const CONFIG_FIELDS = ['jest', 'prettier', 'eslintConfig', 'babel', 'commitlint', 'lint-staged', 'stylelint', 'remarkConfig', 'mocha', 'ava', 'c8', 'nyc', 'xo'];

/**
 * Every string literal of a config file (JS/TS/JSON/YAML) that could name a package, with its line. A
 * config names packages by strings (`preset: 'ts-jest'`, `transform: { ...: ['@swc/jest', {...}] }`); only
 * names the project declares count, so a stray string never makes a package look missing.
 */
export function configStrings(text: string): Array<{ value: string; line: number; column: number }> {
  const found: Array<{ value: string; line: number; column: number }> = [];
  const lines = text.split('\n');
  lines.forEach((lineText, index) => {
    for (const match of lineText.matchAll(/(["'`])((?:@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*(?:\/[\w.~/-]*)?)\1/gi)) {
      found.push({ value: match[2], line: index + 1, column: (match.index ?? 0) + 1 });
    }
    for (const match of lineText.matchAll(/^\s*-?\s*(?:[\w-]+:\s*)?((?:@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*)\s*$/gi)) {
      found.push({ value: match[1], line: index + 1, column: (match.index ?? 0) + 1 });
    }
  });
  return found;
}

/** Packages a short name in a config stands for: jest's `testEnvironment: 'jsdom'` is jest-environment-jsdom. */
export function configAliases(value: string): string[] {
  return [value, `jest-environment-${value}`];
}
