import { declaredNames } from '../../facts/project/declared-names';
import { commandReferences } from '../package-scripts';
import { readJsonValue, stringLeaves } from '../static-value';
import { packageOfSpecifier, packageRef, stringReferences, valueReferences } from '../references';
import { defineTool, type PackageReference } from '../tool';

/** package.json fields that hold the configuration of tools Shipshape has no adapter for, and the package(s) each field is the config of. */
const CONFIG_FIELDS: Record<string, readonly string[]> = {
  commitlint: ['@commitlint/cli', 'commitlint'],
  'lint-staged': ['lint-staged'],
  stylelint: ['stylelint'],
  remarkConfig: ['remark-cli'],
  mocha: ['mocha'],
  ava: ['ava'],
  c8: ['c8'],
  nyc: ['nyc'],
  xo: ['xo'],
  release: ['semantic-release'],
  husky: ['husky'],
  'simple-git-hooks': ['simple-git-hooks'],
  'size-limit': ['size-limit'],
  'config.commitizen': ['commitizen'],
  browserslist: [],
};

/** Fields whose strings are commands (git hooks, lint-staged tasks), not package names. */
const COMMAND_FIELDS = new Set(['husky', 'lint-staged', 'simple-git-hooks']);

/** Plugins a tool loads from whatever the project declares under a scope: size-limit finds its `@size-limit/*` presets. */
const SCOPED_PLUGINS: Record<string, string> = { 'size-limit': '@size-limit/' };

/**
 * Any tool's config file (`*.config.*`, `.*rc`, husky's hook files) and package.json config field: the tool the
 * field configures, the commands its hooks run, and the strings in it that name a package. The dependency
 * checks count such a string only for a package that is declared, so a stray string never makes a package
 * look missing; it keeps a package some tool loads from looking unused.
 */
export default defineTool({
  name: 'config-files',
  ecosystem: 'npm',
  enablers: [],
  configFiles: ['**/*.config.{js,cjs,mjs,ts,cts,mts,json}', '**/.*rc', '**/.*rc.{js,cjs,mjs,json,yaml,yml}', '.husky/*'],
  manifestFields: Object.keys(CONFIG_FIELDS),
  references({ project, configs, fields }) {
    const hooks = configs.filter((c) => c.file.includes('.husky/'));
    const packages: PackageReference[] = stringReferences(
      configs.filter((c) => !hooks.includes(c)),
      'config',
      (v) => [`jest-environment-${v}`],
    );
    for (const hook of hooks) {
      hook.text.split('\n').forEach((line, index) => {
        if (!line.trim().startsWith('#'))
          packages.push(...commandReferences(project, line, { file: hook.file, line: index + 1, column: 1 }, `husky hook ${hook.file}`));
      });
    }
    const declared = project.get(declaredNames).npmWithRoot;
    for (const field of fields) {
      const name = field.path.join('.');
      const at = { file: field.file, line: field.line, column: field.column };
      for (const tool of CONFIG_FIELDS[name] ?? []) packages.push(packageRef(tool, at, `package.json "${name}"`));
      const scope = SCOPED_PLUGINS[name];
      if (scope)
        for (const plugin of declared)
          if (plugin.startsWith(scope)) packages.push(packageRef(plugin, at, `package.json "${name}" (plugins of ${scope}*)`));
      const value = readJsonValue(JSON.stringify(field.value));
      if (!value) continue;
      if (COMMAND_FIELDS.has(name)) {
        for (const command of stringLeaves(value))
          packages.push(...commandReferences(project, command.value, at, `package.json "${name}"`));
        continue;
      }
      const named = valueReferences([value], field.file, `"${name}"`, (v) => [packageOfSpecifier(v.replace(/^(\.\/)?node_modules\//, ''))]);
      packages.push(...named.map((p) => ({ ...p, line: field.line, column: field.column })));
    }
    return { packages };
  },
});
