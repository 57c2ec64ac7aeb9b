import { writeFileSync } from 'node:fs';
import { diskProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../options';
import { checks } from './checks';

const TARGETS = (process.env.DOCS_AUDIT ?? '').split(',').filter(Boolean);

describe('scratch audit', () => {
  jest.setTimeout(1_200_000);
  for (const target of TARGETS) {
    it(target, async () => {
      const [ws, root] = target.split(':');
      const project = diskProject(ws, root ?? '.', { sections: [API_OPTIONS] });
      const out: Record<string, unknown[]> = {};
      for (const check of checks) {
        try {
          out[check.id] = await check.run(project);
        } catch (error) {
          out[check.id] = [`ERROR ${(error as Error).message}`];
        }
      }
      const name = `${ws}/${root ?? ''}`.replace(/[/:.]+/g, '_');
      writeFileSync(`/tmp/audit/${name}.json`, JSON.stringify(out, null, 1));
      process.stderr.write(
        `${target}: ${Object.entries(out)
          .map(([k, v]) => `${k} ${v.length}`)
          .join(', ')}\n`,
      );
    });
  }
});
