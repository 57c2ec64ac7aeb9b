import { defineCheck, type Check } from '../model/check';
import type { ShipshapeOptions } from '../config/options';
import { defineFact } from '../facts/fact';
import { packageJson } from '../facts/project/manifests';
import { ShipshapeError } from '../util/errors';
import { diskProject } from '../testing/projects';
import { tempWorkspace } from '../testing/temp-workspace';
import { createBaseline, writeBaseline } from '../baseline/baseline';
import { runAudit } from './run-audit';
import { join } from 'node:path';

const warnEach = (id: string, keys: string[]): Check =>
  defineCheck({
    id,
    title: id,
    planItem: 'structure/package-metadata',
    languages: ['typescript'],
    severity: 'warning',
    fixedBy: '@shipshape/structure:metadata',
    run: (project) => keys.map((key, i) => ({ message: `missing ${key}`, file: project.file('package.json'), key, line: i + 1 })),
  });

describe('runAudit', () => {
  const ws = tempWorkspace({ 'libs/a/package.json': '{"name":"a"}\n', 'libs/a/src/index.ts': 'export {};\n' });
  afterAll(() => ws.remove());

  const project = (options: ShipshapeOptions = {}) => diskProject(ws.root, 'libs/a', { name: 'a', options });

  it('turns check results into findings with the check, project, plan item and fix', async () => {
    const report = await runAudit(project(), [warnEach('x/one', ['license'])]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        checkId: 'x/one',
        severity: 'warning',
        project: 'a',
        file: 'libs/a/package.json',
        line: 1,
        planItem: 'structure/package-metadata',
        status: 'new',
        fix: { generator: '@shipshape/structure:metadata', options: { project: 'a' } },
      }),
    ]);
    expect(report.project).toEqual({ name: 'a', root: 'libs/a', languages: ['typescript'] });
    expect(report.summary).toMatchObject({ total: 1, new: 1, failOn: 'error', passed: true });
  });

  it('fails the gate on a new finding at or above failOn, not below', async () => {
    expect((await runAudit(project({ failOn: 'warning' }), [warnEach('x/one', ['a'])])).summary.passed).toBe(false);
    expect((await runAudit(project({ failOn: 'error' }), [warnEach('x/one', ['a'])])).summary.passed).toBe(true);
    expect((await runAudit(project({ failOn: 'never', checks: { 'x/one': 'error' } }), [warnEach('x/one', ['a'])])).summary.passed).toBe(
      true,
    );
  });

  it('applies per-check severity overrides and turns checks off', async () => {
    const report = await runAudit(project({ checks: { 'x/one': 'error', 'x/two': 'off' } }), [
      warnEach('x/one', ['a']),
      warnEach('x/two', ['b']),
    ]);
    expect(report.findings.map((f) => [f.checkId, f.severity])).toEqual([['x/one', 'error']]);
    expect(report.checks.map((c) => c.id)).toEqual(['x/one']);
    expect(report.summary.passed).toBe(false);
  });

  it('skips checks for languages the project does not have', async () => {
    const python = defineCheck({ ...warnEach('x/py', ['a']), languages: ['python'] });
    expect((await runAudit(project(), [python])).findings).toEqual([]);
  });

  it('fails only on findings that are not in the baseline, and counts the burn-down', async () => {
    const first = await runAudit(project({ failOn: 'warning' }), [warnEach('x/one', ['a', 'b', 'c'])]);
    writeBaseline(join(ws.root, 'libs/a/.shipshape-baseline.json'), createBaseline(first.findings));
    const later = await runAudit(project({ failOn: 'warning' }), [warnEach('x/one', ['b', 'd'])]);
    expect(later.findings.map((f) => [f.message, f.status])).toEqual([
      ['missing b', 'baseline'],
      ['missing d', 'new'],
    ]);
    expect(later.summary).toMatchObject({ new: 1, baseline: 1, fixedSinceBaseline: 2, passed: false });
    const onlyOld = await runAudit(project({ failOn: 'warning' }), [warnEach('x/one', ['a'])]);
    expect(onlyOld.summary).toMatchObject({ new: 0, baseline: 1, passed: true });
  });

  it('keeps a fingerprint when the finding moves to another line', async () => {
    const a = await runAudit(project(), [warnEach('x/one', ['p', 'q'])]);
    const b = await runAudit(project(), [warnEach('x/one', ['q'])]);
    expect(b.findings[0].line).not.toBe(a.findings[1].line);
    expect(b.findings[0].fingerprint).toBe(a.findings[1].fingerprint);
  });

  it('shows ignored findings with their reason and does not count them', async () => {
    const report = await runAudit(
      project({ failOn: 'warning', ignore: [{ check: 'x/one', file: 'libs/a/*.json', reason: 'published elsewhere' }] }),
      [warnEach('x/one', ['a'])],
    );
    expect(report.findings).toEqual([expect.objectContaining({ status: 'ignored', ignoreReason: 'published elsewhere' })]);
    expect(report.summary).toMatchObject({ total: 0, ignored: 1, passed: true });
  });

  it('reports a check that fails on bad input as one problem, and the other checks still run', async () => {
    const broken = (id: string) =>
      defineCheck({
        ...warnEach(id, []),
        run: () => {
          throw new ShipshapeError('invalid JSON at line 2, column 1', 'libs/a/package.json');
        },
      });
    const crashing = defineCheck({
      ...warnEach('x/crash', []),
      run: () => {
        throw new TypeError('boom');
      },
    });
    const report = await runAudit(project(), [broken('x/b1'), broken('x/b2'), crashing, warnEach('x/ok', ['a'])]);
    expect(report.problems).toEqual([
      { kind: 'error', file: 'libs/a/package.json', message: 'libs/a/package.json: invalid JSON at line 2, column 1' },
      { kind: 'error', message: 'the check x/crash failed unexpectedly: boom' },
    ]);
    expect(report.findings).toHaveLength(1);
    expect(report.summary.passed).toBe(false);
  });

  it('reports a failed fact once, and skips every check that requires it with that reason', async () => {
    const counted = { computed: 0 };
    const broken = defineFact({
      id: 'test/broken',
      compute: () => {
        counted.computed++;
        throw new ShipshapeError('no such thing', 'libs/a/thing.toml');
      },
    });
    const needing = (id: string) => defineCheck({ ...warnEach(id, ['a']), requires: [broken] });
    const reading = defineCheck({ ...warnEach('x/reads', []), run: (p) => (p.get(broken), []) });
    const report = await runAudit(project(), [needing('x/n1'), needing('x/n2'), reading, warnEach('x/ok', ['a'])]);
    expect(counted.computed).toBe(1);
    expect(report.problems).toEqual([{ kind: 'error', file: 'libs/a/thing.toml', message: 'libs/a/thing.toml: no such thing' }]);
    expect(report.checks.map((c) => [c.id, c.skipped])).toEqual([
      ['x/n1', 'libs/a/thing.toml: no such thing'],
      ['x/n2', 'libs/a/thing.toml: no such thing'],
      ['x/reads', 'libs/a/thing.toml: no such thing'],
      ['x/ok', undefined],
    ]);
    expect(report.findings.map((f) => f.checkId)).toEqual(['x/ok']);
  });

  it('runs a check after the checks it requires, and skips it when one of them could not run', async () => {
    const order: string[] = [];
    const first = defineCheck({ ...warnEach('x/first', []), run: () => (order.push('first'), []) });
    const crashing = defineCheck({
      ...warnEach('x/crash', []),
      run: () => {
        throw new ShipshapeError('cannot', 'libs/a/package.json');
      },
    });
    const after = defineCheck({ ...warnEach('x/after', ['a']), requires: [first], run: () => (order.push('after'), []) });
    const blocked = defineCheck({ ...warnEach('x/blocked', ['a']), requires: [crashing] });
    const report = await runAudit(project(), [after, blocked, first, crashing]);
    expect(order).toEqual(['first', 'after']);
    expect(report.checks.find((c) => c.id === 'x/blocked')?.skipped).toBe('it requires the check x/crash, which was skipped');
    expect(report.checks.map((c) => c.id)).toEqual(['x/after', 'x/blocked', 'x/first', 'x/crash']);
  });

  it('runs a check whose required check is for another language, and skips one whose required check was turned off', async () => {
    const pythonOnly = defineCheck({ ...warnEach('x/python', []), languages: ['python'] });
    const both = defineCheck({ ...warnEach('x/both', ['a']), languages: ['typescript', 'python'], requires: [pythonOnly] });
    expect((await runAudit(project(), [both, pythonOnly])).checks.map((c) => [c.id, c.skipped])).toEqual([['x/both', undefined]]);
    const typescriptOnly = defineCheck({ ...warnEach('x/ts', []) });
    const needing = defineCheck({ ...warnEach('x/needs-ts', ['a']), requires: [typescriptOnly] });
    const report = await runAudit(project({ checks: { 'x/ts': 'off' } }), [needing, typescriptOnly]);
    expect(report.checks.map((c) => [c.id, c.skipped])).toEqual([['x/needs-ts', 'it requires the check x/ts, which did not run']]);
  });

  it('computes a fact once per project, shared by every check that reads it', async () => {
    let computed = 0;
    const name = defineFact({ id: 'test/name', inputs: [packageJson], compute: (_p, pkg) => (computed++, pkg?.data.name) });
    const reading = (id: string) =>
      defineCheck({ ...warnEach(id, []), run: (p) => (p.get(name) === 'a' ? [] : [{ message: 'no name', file: 'x' }]) });
    const report = await runAudit(project(), [reading('x/r1'), reading('x/r2')]);
    expect(report.findings).toEqual([]);
    expect(computed).toBe(1);
  });
});
