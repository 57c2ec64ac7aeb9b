import { bundlerReferences } from '../bundler';
import { defineTool } from '../tool';

/** Rollup: `input` (a file, an array, or a record of name → file), `output.dir` or `output.file`'s folder (one per output). */
export default defineTool({
  name: 'rollup',
  ecosystem: 'npm',
  enablers: ['rollup'],
  binaries: ['rollup'],
  configFiles: ['rollup.config.{js,mjs,cjs,ts,mts,cts}'],
  references: ({ configs }) =>
    bundlerReferences(configs, { entry: [['input']], outDir: [['output', 'dir']], outFile: [['output', 'file']] }),
});
