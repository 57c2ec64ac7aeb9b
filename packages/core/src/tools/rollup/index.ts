import { bundlerReferences } from '../bundler';
import { defineTool } from '../tool';

/** Rollup: `input`, `output.dir` (or `output.file`'s folder). */
export default defineTool({
  name: 'rollup',
  ecosystem: 'npm',
  enablers: ['rollup'],
  configFiles: ['rollup.config.{js,mjs,cjs,ts,mts,cts}'],
  references: ({ configs }) =>
    bundlerReferences(configs, { entry: [['input']], outDir: [['output', 'dir']], defaultOutDir: 'dist', inlines: 'listed' }),
});
