import { besideConfig, wholeFile } from '../places';
import { configValues, packageOfSpecifier, packageRef, stringReferences, valueReferences } from '../references';
import { readJsonValue, stringsAt, valueAt, type StaticValue } from '../static-value';
import { defineTool, type EntryReference, type PackageReference } from '../tool';

/** Options whose strings are module names jest loads. */
const MODULE_OPTIONS = [
  'preset',
  'runner',
  'testRunner',
  'testSequencer',
  'resolver',
  'prettierPath',
  'snapshotResolver',
  'globalSetup',
  'globalTeardown',
];
const MODULE_LIST_OPTIONS = [
  'setupFiles',
  'setupFilesAfterEach',
  'setupFilesAfterEnv',
  'snapshotSerializers',
  'watchPlugins',
  'reporters',
  'transform',
  'moduleNameMapper',
];
const DEFAULT_TEST_MATCH = ['**/__tests__/**/*.[jt]s?(x)', '**/?(*.)+(spec|test).[jt]s?(x)'];

/** `testEnvironment: 'jsdom'` is jest-environment-jsdom (jest ships only `node`). */
function environmentPackage(value: string): string | undefined {
  if (value === 'node') return undefined;
  if (value === 'jsdom') return 'jest-environment-jsdom';
  return packageOfSpecifier(
    value.startsWith('jest-environment-') || value.includes('/') || value.startsWith('@') ? value : `jest-environment-${value}`,
  );
}

function fromConfig(value: StaticValue, file: string): { packages: PackageReference[]; entries: EntryReference[] } {
  const packages: PackageReference[] = [];
  for (const option of MODULE_OPTIONS) packages.push(...valueReferences(valueAt(value, [option]), file, option));
  for (const option of MODULE_LIST_OPTIONS) packages.push(...valueReferences(valueAt(value, [option]), file, option));
  packages.push(...valueReferences(valueAt(value, ['testEnvironment']), file, 'testEnvironment', (v) => [environmentPackage(v)]));
  const matches = stringsAt(value, ['testMatch']);
  const entries: EntryReference[] = (
    matches.length > 0
      ? matches.map((m) => ({ pattern: m.value, line: m.line, column: m.column }))
      : DEFAULT_TEST_MATCH.map((pattern) => ({ pattern, line: 0, column: 0 }))
  ).map((m) => ({ file, line: m.line, column: m.column, pattern: besideConfig(file, m.pattern), kind: 'test' as const }));
  for (const setup of [...stringsAt(value, ['setupFiles']), ...stringsAt(value, ['setupFilesAfterEnv'])]) {
    if (/^[./<]/.test(setup.value))
      entries.push({ file, line: setup.line, column: setup.column, pattern: besideConfig(file, setup.value), kind: 'test' });
  }
  return { packages, entries };
}

export default defineTool({
  name: 'jest',
  ecosystem: 'npm',
  enablers: ['jest'],
  binaries: ['jest'],
  configFiles: ['jest.config.{js,ts,mjs,cjs,mts,cts,json}', 'jest.preset.{js,cjs}'],
  manifestFields: ['jest'],
  references({ configs, fields }) {
    const packages: PackageReference[] = [];
    const entries: EntryReference[] = [];
    for (const { file, value } of configValues(configs)) {
      const found = fromConfig(value, file);
      packages.push(...found.packages);
      entries.push(...found.entries);
      entries.push({ ...wholeFile(file), pattern: file, kind: 'config' });
    }
    for (const field of fields) {
      const value = readJsonValue(JSON.stringify(field.value));
      if (value) packages.push(...fromConfig(value, field.file).packages.map((p) => ({ ...p, line: field.line, column: field.column })));
    }
    // Strings of a config too dynamic to read as a value still name what it loads.
    packages.push(...stringReferences(configs, 'jest config', (v) => [environmentPackage(v) ?? '']));
    const first = configs[0] ? wholeFile(configs[0].file) : fields[0];
    if (first) packages.push(packageRef('jest', first, 'jest config'));
    return { packages, entries };
  },
});
