import { bundlerReferences } from '../bundler';
import { configValues } from '../references';
import { valueAt } from '../static-value';
import { defineTool } from '../tool';

/** Vite in library mode (`build.lib`): `build.lib.entry`, `build.outDir` (dist); it inlines what `rollupOptions.external` leaves out. */
export default defineTool({
  name: 'vite',
  ecosystem: 'npm',
  enablers: ['vite'],
  configFiles: ['vite.config.{ts,mts,cts,js,mjs,cjs}'],
  references({ configs }) {
    const libraries = configs.filter((config) => configValues([config]).some(({ value }) => valueAt(value, ['build', 'lib']).length > 0));
    return bundlerReferences(libraries, {
      entry: [['build', 'lib', 'entry']],
      outDir: [['build', 'outDir']],
      defaultOutDir: 'dist',
      inlines: 'listed',
    });
  },
});
