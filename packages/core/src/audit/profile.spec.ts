import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCheck } from '../model/check';
import { diskProject } from '../testing/projects';
import { tempWorkspace } from '../testing/temp-workspace';
import { runChecks } from './run-checks';

const check = (id: string) =>
  defineCheck({
    id,
    title: id,
    planItem: 'structure/package-metadata',
    languages: ['typescript'],
    severity: 'warning',
    fixedBy: '@shipshape/structure:metadata',
    run: () => [],
  });

describe('SHIPSHAPE_PROFILE', () => {
  const ws = tempWorkspace({ 'libs/a/package.json': '{"name":"a"}\n', 'libs/a/src/index.ts': 'export {};\n' });
  const file = join(ws.root, 'profile.jsonl');
  afterAll(() => {
    delete process.env.SHIPSHAPE_PROFILE;
    ws.remove();
  });

  it('appends one line per check and project, with its milliseconds', async () => {
    process.env.SHIPSHAPE_PROFILE = file;
    await runChecks(diskProject(ws.root, 'libs/a', { name: 'a' }), [check('x/one'), check('x/two')]);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l.project, l.check])).toEqual([
      ['a', 'x/one'],
      ['a', 'x/two'],
    ]);
    expect(lines.every((l) => typeof l.ms === 'number' && l.ms >= 0)).toBe(true);
  });

  it('writes nothing when it is not set', async () => {
    delete process.env.SHIPSHAPE_PROFILE;
    const before = readFileSync(file, 'utf8');
    await runChecks(diskProject(ws.root, 'libs/a', { name: 'a' }), [check('x/three')]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
