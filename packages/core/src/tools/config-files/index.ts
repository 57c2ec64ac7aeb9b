import { readJsonValue } from '../static-value';
import { stringReferences, valueReferences } from '../references';
import { defineTool, type PackageReference } from '../tool';

/** package.json fields that hold the configuration of tools Shipshape has no adapter for. */
const CONFIG_FIELDS = [
  'commitlint',
  'lint-staged',
  'stylelint',
  'remarkConfig',
  'mocha',
  'ava',
  'c8',
  'nyc',
  'xo',
  'release',
  'husky',
  'size-limit',
  'browserslist',
];

/**
 * Any tool's config file (`*.config.*`, `.*rc`) and package.json config field: the strings in it that name a
 * package. The dependency checks count such a string only for a package that is declared, so a stray string
 * never makes a package look missing; it keeps a package some tool loads from looking unused.
 */
export default defineTool({
  name: 'config-files',
  ecosystem: 'npm',
  enablers: [],
  configFiles: ['**/*.config.{js,cjs,mjs,ts,cts,mts,json}', '**/.*rc', '**/.*rc.{js,cjs,mjs,json,yaml,yml}'],
  manifestFields: CONFIG_FIELDS,
  references({ configs, fields }) {
    const packages: PackageReference[] = stringReferences(configs, 'config', (v) => [`jest-environment-${v}`]);
    for (const field of fields) {
      const value = readJsonValue(JSON.stringify(field.value));
      if (value)
        packages.push(
          ...valueReferences([value], field.file, `"${field.path.join('.')}"`).map((p) => ({
            ...p,
            line: field.line,
            column: field.column,
          })),
        );
    }
    return { packages };
  },
});
