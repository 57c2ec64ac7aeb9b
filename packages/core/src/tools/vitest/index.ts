import { packageScripts as packageScriptsFact } from '../package-scripts/scripts';
import { besideConfig } from '../places';
import { configValues, importedConfigs, packageOfSpecifier, packageRef, stringReferences, valueReferences } from '../references';
import { stringsAt, valueAt } from '../static-value';
import { defineTool, type EntryReference, type PackageReference } from '../tool';

const DEFAULT_INCLUDE = ['**/*.{test,spec}.?(c|m)[jt]s?(x)'];
const ENVIRONMENTS: Record<string, string | undefined> = {
  node: undefined,
  jsdom: 'jsdom',
  'happy-dom': 'happy-dom',
  'edge-runtime': '@edge-runtime/vm',
};

export default defineTool({
  name: 'vitest',
  ecosystem: 'npm',
  enablers: ['vitest'],
  binaries: ['vitest'],
  // vite.config.* holds vitest's options under `test` when there is no vitest.config.*.
  configFiles: ['vitest.config.{ts,mts,cts,js,mjs,cjs}', 'vitest.workspace.{ts,mts,js,mjs,json}', 'vite.config.{ts,mts,cts,js,mjs,cjs}'],
  // A root config with `projects` (or a workspace file) runs every project's tests with its options.
  workspaceConfigFiles: [
    'vitest.config.ts',
    'vitest.config.mts',
    'vitest.config.js',
    'vitest.config.mjs',
    'vitest.workspace.ts',
    'vitest.workspace.mts',
    'vitest.workspace.js',
    'vitest.workspace.json',
  ],
  references({ configs: found, project }) {
    const packages: PackageReference[] = [];
    const entries: EntryReference[] = [];
    // A project config that re-exports or merges another config (`export { default } from '../../vitest.config'`) has its options too.
    const configs = [
      ...found,
      ...importedConfigs(project.workspace.source, found, (name) => /^(vitest|vite)\.(config|workspace)\./.test(name)),
    ];
    const ownFile = (file: string) => project.root === '.' || file.startsWith(`${project.root}/`);
    for (const { file, value } of configValues(configs)) {
      const test = valueAt(value, ['test']);
      if (test.length === 0 && !/vitest\./.test(file)) continue;
      for (const provider of valueAt(value, ['test', 'coverage', 'provider'])) {
        if (provider.kind !== 'string') continue;
        const name =
          provider.value === 'v8' || provider.value === 'istanbul'
            ? `@vitest/coverage-${provider.value}`
            : packageOfSpecifier(provider.value);
        if (name) packages.push(packageRef(name, { file, ...provider }, `test.coverage.provider "${provider.value}"`));
      }
      // Coverage without a provider runs the default one, v8.
      for (const coverage of valueAt(value, ['test', 'coverage'])) {
        if (coverage.kind === 'object' && !coverage.properties.has('provider'))
          packages.push(packageRef('@vitest/coverage-v8', { file, ...coverage }, 'test.coverage (default provider v8)'));
      }
      packages.push(
        ...valueReferences(valueAt(value, ['test', 'environment']), file, 'test.environment', (v) => [
          v in ENVIRONMENTS ? ENVIRONMENTS[v] : packageOfSpecifier(`vitest-environment-${v}`),
        ]),
      );
      for (const browser of valueAt(value, ['test', 'browser', 'provider'])) {
        if (browser.kind === 'string')
          packages.push(
            packageRef(
              browser.value === 'preview' ? '@vitest/browser' : browser.value,
              { file, ...browser },
              `test.browser.provider "${browser.value}"`,
            ),
            packageRef('@vitest/browser', { file, ...browser }, 'test.browser'),
          );
      }
      for (const reporter of stringsAt(value, ['test', 'reporters'])) {
        if (reporter.value === 'html') packages.push(packageRef('@vitest/ui', { file, ...reporter }, 'test.reporters "html"'));
        else if (!/^(default|basic|verbose|dot|json|junit|tap|tap-flat|hanging-process|github-actions|blob)$/.test(reporter.value))
          packages.push(...valueReferences([{ kind: 'string', ...reporter }], file, 'test.reporters'));
      }
      const setups = [...stringsAt(value, ['test', 'setupFiles']), ...stringsAt(value, ['test', 'globalSetup'])];
      for (const setup of setups.filter((s) => !/^[./]/.test(s.value)))
        packages.push(...valueReferences([{ kind: 'string', ...setup }], file, 'test.setupFiles'));
      if (ownFile(file)) {
        // the workspace's configs lend their packages, not their test files
        const include = stringsAt(value, ['test', 'include']);
        for (const pattern of include.length > 0 ? include : DEFAULT_INCLUDE.map((p) => ({ value: p, line: 0, column: 0 })))
          entries.push({ file, line: pattern.line, column: pattern.column, pattern: besideConfig(file, pattern.value), kind: 'test' });
        for (const setup of setups.filter((s) => /^[./]/.test(s.value)))
          entries.push({ file, line: setup.line, column: setup.column, pattern: besideConfig(file, setup.value), kind: 'test' });
        entries.push({ file, line: 0, column: 0, pattern: file, kind: 'config' });
      }
      packages.push(packageRef('vitest', { file, line: 0, column: 0 }, 'vitest config'));
    }
    // `vitest --coverage` in a script runs the default provider.
    const scripts = project.get(packageScriptsFact)?.filter((s) => /\bvitest\b[^&|;]*--coverage\b/.test(s.command)) ?? [];
    for (const script of scripts)
      packages.push(packageRef('@vitest/coverage-v8', script, `script "${script.name}" (vitest --coverage, default provider v8)`));
    packages.push(
      ...stringReferences(
        configs.filter((c) => /vitest\./.test(c.file)),
        'vitest config',
      ),
    );
    return { packages, entries };
  },
});
