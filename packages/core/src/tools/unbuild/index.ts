import { bundlerReferences } from '../bundler';
import { defineTool } from '../tool';

/** unbuild: `entries` (strings or `{ input }` objects; src/index by default), `outDir` (dist). */
export default defineTool({
  name: 'unbuild',
  ecosystem: 'npm',
  enablers: ['unbuild'],
  binaries: ['unbuild'],
  configFiles: ['build.config.{ts,mts,js,mjs}'],
  references: ({ configs }) => bundlerReferences(configs, { entry: [['entries']], outDir: [['outDir']], defaultEntry: ['src/index'] }),
});
