import { readJsonValue, valueAt, type StaticValue } from '../static-value';
import { configValues, prefixedPackage, valueReferences } from '../references';
import { defineTool, type PackageReference } from '../tool';

/** Babel's names: `env` is babel-preset-env, `@babel/env` is @babel/preset-env, `@acme` is @acme/babel-preset. */
function babelPackage(value: string, kind: 'preset' | 'plugin'): string | undefined {
  if (value.startsWith('module:')) return value.slice('module:'.length);
  if (value.startsWith('@babel/')) {
    const rest = value.slice('@babel/'.length);
    return rest.startsWith(`${kind}-`) ? value : `@babel/${kind}-${rest}`;
  }
  return prefixedPackage(value, `babel-${kind}`);
}

function references(value: StaticValue, file: string): PackageReference[] {
  const scopes = [
    value,
    ...valueAt(value, ['overrides']),
    ...valueAt(value, ['env']).flatMap((env) => (env.kind === 'object' ? [...env.properties.values()] : [])),
  ];
  return scopes.flatMap((scope) =>
    (['preset', 'plugin'] as const).flatMap((kind) =>
      valueReferences(entryNames(scope, `${kind}s`), file, `${kind}s`, (v) => [babelPackage(v, kind)]),
    ),
  );
}

/** The names of a presets/plugins list: an entry is a name, or [name, options]. */
function entryNames(scope: StaticValue, key: string): StaticValue[] {
  return valueAt(scope, [key]).flatMap((list) =>
    list.kind === 'array' ? list.items.map((item) => (item.kind === 'array' ? item.items[0] : item)).filter(Boolean) : [],
  );
}

export default defineTool({
  name: 'babel',
  ecosystem: 'npm',
  enablers: ['@babel/core'],
  configFiles: ['babel.config.{js,cjs,mjs,json,cts,ts}', '.babelrc', '.babelrc.{js,cjs,mjs,json}'],
  manifestFields: ['babel'],
  references({ configs, fields }) {
    const packages = configValues(configs).flatMap(({ file, value }) => references(value, file));
    for (const field of fields) {
      const value = readJsonValue(JSON.stringify(field.value));
      if (value) packages.push(...references(value, field.file).map((p) => ({ ...p, line: field.line, column: field.column })));
    }
    return { packages };
  },
});
