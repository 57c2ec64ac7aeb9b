import { bundlerReferences } from '../bundler';
import { defineTool } from '../tool';

/** tsdown: like tsup, bundles what is not a dependency or peer; `entry` (src/index.ts), `outDir` (dist). */
export default defineTool({
  name: 'tsdown',
  ecosystem: 'npm',
  enablers: ['tsdown'],
  binaries: ['tsdown'],
  configFiles: ['tsdown.config.{ts,cts,mts,js,cjs,mjs,json}'],
  references: ({ configs }) =>
    bundlerReferences(configs, {
      entry: [['entry']],
      outDir: [['outDir']],
      defaultEntry: ['src/index.ts'],
      defaultOutDir: 'dist',
      inlined: [['noExternal']],
      inlines: 'undeclared',
    }),
});
