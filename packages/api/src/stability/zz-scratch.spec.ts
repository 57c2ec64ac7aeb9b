import { diskProject } from '@shipshape/core/testing';
import { releaseTagSurface } from './typescript-surface';
import { checks } from './checks';

const W = process.env.ZZ_WS ?? '/root/.cache/shipshape-corpus/workspace';
const roots = (process.env.ZZ_ROOTS ?? '').split(',').filter(Boolean);
jest.setTimeout(600000);
it('scratch', async () => {
  for (const root of roots) {
    const project = diskProject(W, root);
    const surface = project.get(releaseTagSurface);
    const count = surface.entries.map((e) => `${e.entry.label}=${e.entry.file}:${e.items.length}`).join(' ');
    const seen = new Map<string, string>();
    for (const e of surface.entries) for (const i of e.items) seen.set(`${i.file}:${i.line}:${i.name}`, i.untagged ? (i.tag ? 'partial' : 'none') : i.tag!);
    const tally: Record<string, number> = {};
    for (const v of seen.values()) tally[v] = (tally[v] ?? 0) + 1;
    const lines: string[] = [`== ${root}: ${count} strip=${surface.stripInternal} ${JSON.stringify(tally)}`];
    for (const check of checks) {
      const found = await check.run(project);
      lines.push(`  ${check.id}: ${found.length}`);
      for (const f of found.slice(0, Number(process.env.ZZ_MAX ?? 8))) lines.push(`    ${f.file}:${f.line}:${f.column} ${f.message}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
  }
});
