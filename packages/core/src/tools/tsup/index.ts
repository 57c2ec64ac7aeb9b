import { bundlerReferences } from '../bundler';
import { defineTool } from '../tool';

/** tsup: bundles every import that is not a dependency or peer; `entry`, `outDir` (dist); also configured in package.json "tsup". */
export default defineTool({
  name: 'tsup',
  ecosystem: 'npm',
  enablers: ['tsup'],
  binaries: ['tsup'],
  configFiles: ['tsup.config.{ts,cts,mts,js,cjs,mjs,json}'],
  manifestFields: ['tsup'],
  references: ({ configs, fields }) =>
    bundlerReferences([...configs, ...fields.map((field) => ({ file: field.file, text: JSON.stringify(field.value) }))], {
      entry: [['entry'], ['entryPoints']],
      outDir: [['outDir']],
      defaultOutDir: 'dist',
      inlined: [['noExternal']],
      inlines: 'undeclared',
    }),
});
