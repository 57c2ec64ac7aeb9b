import { bundlerReferences } from '../bundler';
import { configValues } from '../references';
import { callArguments, valueAt } from '../static-value';
import { defineTool } from '../tool';

/**
 * Vite in library mode (`build.lib`): `build.lib.entry`, `build.outDir` (dist); it inlines what
 * `rollupOptions.external` leaves out. Library presets that wrap the config and take the entry as an option
 * (`tanstackViteConfig({ entry, srcDir })`) write one folder per format: `dist/esm`, `dist/cjs`.
 */
export default defineTool({
  name: 'vite',
  ecosystem: 'npm',
  enablers: ['vite'],
  binaries: ['vite'],
  configFiles: ['vite.config.{ts,mts,cts,js,mjs,cjs}'],
  references({ configs }) {
    const readable = configs.map((config) => ({ config, values: configValues([config]).map(({ value }) => value) }));
    const libraries = readable
      .filter(({ values }) => values.some((value) => valueAt(value, ['build', 'lib']).length > 0))
      .map((r) => r.config);
    const presets = readable
      .filter(
        ({ config, values }) =>
          !libraries.includes(config) &&
          values.some((value) => callArguments(value).some((call) => call.args.some((arg) => valueAt(arg, ['entry']).length > 0))),
      )
      .map((r) => r.config);
    const lib = bundlerReferences(libraries, { entry: [['build', 'lib', 'entry']], outDir: [['build', 'outDir']] });
    const preset = bundlerReferences(presets, { entry: [], presetEntry: [['entry']], outDir: [], formats: ['esm', 'cjs'] });
    return { entries: [...lib.entries, ...preset.entries], outputs: [...lib.outputs, ...preset.outputs] };
  },
});
