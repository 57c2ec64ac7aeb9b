import { posix } from 'node:path';
import { packageScripts } from '../package-scripts/scripts';
import { defineTool, type EntryReference, type OutputReference } from '../tool';

/** esbuild is driven from scripts: `esbuild src/index.ts --bundle --outdir=dist` (or `--outfile=dist/index.js`). */
export default defineTool({
  name: 'esbuild',
  ecosystem: 'npm',
  enablers: ['esbuild'],
  binaries: ['esbuild'],
  configFiles: [],
  references({ project }) {
    const entries: EntryReference[] = [];
    const outputs: OutputReference[] = [];
    for (const script of project.get(packageScripts)) {
      for (const segment of script.command.split(/&&|\|\||;/)) {
        const words = segment.trim().split(/\s+/);
        const start = words.indexOf('esbuild');
        if (start < 0) continue;
        const args = words.slice(start + 1);
        const files = args.filter((a) => !a.startsWith('-')).map((a) => project.file(a.replace(/^['"]|['"]$/g, '')));
        for (const file of files)
          entries.push({ file: script.file, line: script.line, column: script.column, pattern: file, kind: 'build' });
        const outdir = args.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);
        const outfile = args.find((a) => a.startsWith('--outfile='))?.slice('--outfile='.length);
        const dir = outdir ?? (outfile ? posix.dirname(outfile) : undefined);
        if (dir)
          outputs.push({
            file: script.file,
            line: script.line,
            column: script.column,
            dir: project.file(dir),
            entries: files,
            inlines: args.includes('--bundle') ? 'listed' : undefined,
          });
      }
    }
    return { entries, outputs };
  },
});
