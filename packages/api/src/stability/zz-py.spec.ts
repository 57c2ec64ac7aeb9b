import { diskProject } from '@shipshape/core/testing';
import { checks } from './checks';

const W = process.env.ZZ_WS ?? '/root/.cache/shipshape-corpus/workspace';
const roots = (process.env.ZZ_ROOTS ?? '').split(',').filter(Boolean);
jest.setTimeout(600000);
it('scratch', async () => {
  for (const root of roots) {
    const project = diskProject(W, root);
    const lines: string[] = [`== ${root}`];
    for (const check of checks.filter((c) => c.languages.includes('python'))) {
      const found = await check.run(project);
      lines.push(`  ${check.id}: ${found.length}`);
      for (const f of found.slice(0, Number(process.env.ZZ_MAX ?? 20))) lines.push(`    ${f.file}:${f.line}:${f.column} ${f.message}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
  }
});
