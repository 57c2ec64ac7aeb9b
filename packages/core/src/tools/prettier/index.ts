import { readJsonValue, stringsAt, valueAt } from '../static-value';
import { configValues, packageOfSpecifier, packageRef, valueReferences } from '../references';
import { defineTool, type PackageReference } from '../tool';

/** Prettier: its plugins, and a shared config named by a string (`"prettier": "@acme/prettier-config"`). */
export default defineTool({
  name: 'prettier',
  ecosystem: 'npm',
  enablers: ['prettier'],
  binaries: ['prettier'],
  configFiles: ['.prettierrc', '.prettierrc.{json,json5,yaml,yml,js,cjs,mjs,ts,cts,mts}', 'prettier.config.{js,cjs,mjs,ts,cts,mts}'],
  manifestFields: ['prettier'],
  workspaceConfigFiles: [
    '.prettierrc',
    '.prettierrc.json',
    '.prettierrc.js',
    '.prettierrc.cjs',
    '.prettierrc.mjs',
    'prettier.config.js',
    'prettier.config.mjs',
    'prettier.config.cjs',
  ],
  references({ configs, fields }) {
    const packages: PackageReference[] = [];
    for (const { file, value } of configValues(configs)) packages.push(...valueReferences(valueAt(value, ['plugins']), file, 'plugins'));
    for (const field of fields) {
      if (typeof field.value === 'string') {
        const name = packageOfSpecifier(field.value);
        if (name) packages.push(packageRef(name, field, `"prettier" "${field.value}"`));
        continue;
      }
      const value = readJsonValue(JSON.stringify(field.value));
      for (const plugin of stringsAt(value, ['plugins'])) {
        const name = packageOfSpecifier(plugin.value);
        if (name) packages.push(packageRef(name, field, `prettier.plugins "${plugin.value}"`));
      }
    }
    for (const config of configs) packages.push(packageRef('prettier', { file: config.file, line: 0, column: 0 }, 'prettier config'));
    return { packages };
  },
});
