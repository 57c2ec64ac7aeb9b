import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineCheck } from '../model/check';
import { tempWorkspace } from '../testing/temp-workspace';
import { auditProject } from './audit-project';

const noted = defineCheck({
  id: 'x/note',
  title: 'note',
  planItem: 'structure/package-metadata',
  languages: ['typescript'],
  severity: 'info',
  run: (project) => [{ message: 'note', file: project.file('package.json') }],
});

describe('auditProject keeps every path inside the workspace', () => {
  const ws = tempWorkspace({ 'libs/a/package.json': '{"name":"a"}' });
  afterAll(() => ws.remove());
  const audit = (options: object, updateBaseline = false) =>
    auditProject({
      workspaceRoot: ws.root,
      projectName: 'a',
      projectRoot: 'libs/a',
      options,
      optionsSource: 'project.json',
      checks: [noted],
      sections: [],
      updateBaseline,
    });

  it.each([
    [{ reportsDir: '../../outside' }, `the reportsDir option "../../outside" is outside the workspace (${ws.root}); give a path inside it`],
    [
      { reportsDir: join(tmpdir(), 'shipshape-elsewhere') },
      `the reportsDir option "${join(tmpdir(), 'shipshape-elsewhere')}" is outside the workspace`,
    ],
  ])('refuses reportsDir %j with one message, writing nothing', async (options, message) => {
    await expect(audit(options)).rejects.toThrow(message);
    expect(existsSync(join(ws.root, '..', 'outside'))).toBe(false);
    expect(existsSync(join(tmpdir(), 'shipshape-elsewhere'))).toBe(false);
  });

  it('refuses a baselineFile that leaves the workspace, when writing it and when reading it', async () => {
    const escape = '../../../shipshape-baseline-escape.json';
    await expect(audit({ baselineFile: escape }, true)).rejects.toThrow(
      /the baselineFile option ".*shipshape-baseline-escape\.json" is outside the workspace/,
    );
    await expect(audit({ baselineFile: escape })).rejects.toThrow(/is outside the workspace/);
    expect(existsSync(join(ws.root, escape.replace('../../../', '../')))).toBe(false);
  });

  it('writes the reports and the baseline where the options say, inside', async () => {
    const { files, baselineWritten } = await audit({ reportsDir: 'out/{projectRoot}', baselineFile: 'baseline.json' }, true);
    expect(files.json).toBe(join(ws.root, 'out/libs/a/audit.json'));
    expect(baselineWritten).toBe(join(ws.root, 'libs/a/baseline.json'));
    expect(existsSync(baselineWritten!)).toBe(true);
  });
});
