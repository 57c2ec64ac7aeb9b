import { readJsonValue, stringsAt, valueAt, type StaticValue } from '../static-value';
import { configValues, packageOfSpecifier, packageRef, prefixedPackage, stringReferences, valueReferences } from '../references';
import { defineTool, type PackageReference } from '../tool';

/** `plugin:react/recommended` is eslint-plugin-react; `airbnb` is eslint-config-airbnb; `eslint:recommended` is ESLint's own. */
function extendsPackage(value: string): string | undefined {
  if (value.startsWith('eslint:') || /^[./]/.test(value)) return undefined;
  if (value.startsWith('plugin:')) return prefixedPackage(value.slice('plugin:'.length).replace(/\/[^/]*$/, ''), 'eslint-plugin');
  return prefixedPackage(value, 'eslint-config');
}

/** What a legacy (eslintrc) config names: extends, plugins, parser, overrides' too. */
function legacyReferences(value: StaticValue, file: string): PackageReference[] {
  const found: PackageReference[] = [];
  for (const scope of [value, ...valueAt(value, ['overrides'])]) {
    found.push(...valueReferences(valueAt(scope, ['extends']), file, 'extends', (v) => [extendsPackage(v)]));
    found.push(...valueReferences(valueAt(scope, ['plugins']), file, 'plugins', (v) => [prefixedPackage(v, 'eslint-plugin')]));
    found.push(...valueReferences(valueAt(scope, ['parser']), file, 'parser'));
    for (const parser of stringsAt(scope, ['parserOptions', 'parser']))
      found.push(...valueReferences([{ kind: 'string', ...parser }], file, 'parserOptions.parser'));
  }
  return found;
}

/**
 * ESLint. A flat config (eslint.config.*) imports its plugins: those are imports of a dev file. A legacy
 * config names them by short names, which follow ESLint's package naming conventions.
 */
export default defineTool({
  name: 'eslint',
  ecosystem: 'npm',
  enablers: ['eslint'],
  binaries: ['eslint'],
  configFiles: ['eslint.config.{js,mjs,cjs,ts,mts,cts}', '.eslintrc', '.eslintrc.{js,cjs,json,yaml,yml}'],
  manifestFields: ['eslintConfig'],
  workspaceConfigFiles: [
    'eslint.config.js',
    'eslint.config.mjs',
    'eslint.config.cjs',
    'eslint.config.ts',
    'eslint.config.mts',
    'eslint.config.cts',
  ],
  references({ configs, fields }) {
    const legacy = configs.filter((c) => /\.eslintrc/.test(c.file));
    const packages = configValues(legacy).flatMap(({ file, value }) => legacyReferences(value, file));
    for (const field of fields) {
      const value = readJsonValue(JSON.stringify(field.value));
      if (value) packages.push(...legacyReferences(value, field.file).map((p) => ({ ...p, line: field.line, column: field.column })));
    }
    packages.push(...stringReferences(legacy, 'eslintrc', (v) => [extendsPackage(v) ?? '', prefixedPackage(v, 'eslint-plugin') ?? '']));
    for (const config of configs) packages.push(packageRef('eslint', { file: config.file, line: 0, column: 0 }, 'eslint config'));
    return { packages: packages.filter((p) => packageOfSpecifier(p.name) === p.name) };
  },
});
