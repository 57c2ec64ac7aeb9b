import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '../testing/temp-workspace';
import { auditProjects, type AuditProjectRequest } from './audit-project';
import { auditThreads } from './audit-threads';
import { auditProjectsInParallel, shares } from './parallel-audits';

/** The worker runs compiled code: the build's (npm test builds before the unit tests). */
const WORKER = join(__dirname, '../../dist/audit/audit-worker.js');

describe('audits on several threads', () => {
  const names = ['a', 'b', 'c', 'd', 'e'];
  const ws = tempWorkspace({
    'package.json': '{"name":"ws"}',
    'checks/package.json': '{"name":"demo-checks","shipshape":{"checks":"./index.js"}}',
    'checks/index.js': `exports.checks = [{
  id: 'demo/license', title: 'has a license', planItem: 'structure/package-metadata', languages: ['typescript'], severity: 'warning',
  run: (project) => (JSON.parse(project.workspace.source.read(project.file('package.json'))).license ? [] : [{ message: 'no license in ' + project.name, file: project.file('package.json'), line: 1, column: 1 }]),
}];\n`,
    ...Object.fromEntries(
      names.map((n, i) => [`libs/${n}/package.json`, JSON.stringify({ name: n, ...(i % 2 ? { license: 'MIT' } : {}) })]),
    ),
  });
  afterAll(() => ws.remove());
  const request = (name: string, options: unknown = { packages: ['./checks'] }): AuditProjectRequest => ({
    workspaceRoot: ws.root,
    projectName: name,
    projectRoot: `libs/${name}`,
    options,
    optionsSource: `the options of ${name}`,
  });
  const reports = () =>
    Object.fromEntries(names.map((n) => [n, readFileSync(join(ws.root, 'reports/shipshape/libs', n, 'audit.json'), 'utf8')]));

  it('gives every project the result and the report files it gets in one thread, and an invalid request its own error', async () => {
    expect(existsSync(WORKER)).toBe(true);
    const requests = [...names.map((n) => request(n)), request('bad', { failOn: 'sometimes' })];
    const alone: Record<string, boolean> = {};
    for await (const { request: r, result } of auditProjects(requests)) if (result) alone[r.projectName] = result.report.summary.passed;
    const single = reports();
    rmSync(join(ws.root, 'reports'), { recursive: true, force: true });

    const threaded: Record<string, boolean | string> = {};
    for await (const { request: r, result, error } of auditProjectsInParallel(requests, { threads: 3, workerScript: WORKER }))
      threaded[r.projectName] = result ? result.report.summary.passed : String(error);
    expect(Object.keys(threaded).sort()).toEqual([...names, 'bad'].sort());
    expect(threaded.bad).toContain('invalid Shipshape options in the options of bad');
    expect(Object.fromEntries(names.map((n) => [n, threaded[n]]))).toEqual(alone);
    expect(reports()).toEqual(single);
    expect(JSON.parse(single.a).findings[0].message).toBe('no license in a');
  });

  it('runs on threads the checks a request names by module, as they run in this thread', async () => {
    const byModule = (name: string): AuditProjectRequest => ({ ...request(name, {}), checkModules: [join(ws.root, 'checks/index.js')] });
    const messages: Record<string, string[]> = {};
    for await (const { request: r, result } of auditProjectsInParallel(names.map(byModule), { threads: 2, workerScript: WORKER }))
      messages[r.projectName] = result?.report.findings.map((f) => f.message) ?? [];
    expect(messages).toEqual({ a: ['no license in a'], b: [], c: ['no license in c'], d: [], e: ['no license in e'] });
  });

  it('cuts a batch in its order into nearly equal shares, and runs on one thread per core while each gets enough projects', () => {
    expect(shares([1, 2, 3, 4, 5], 2)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(auditThreads(5, {})).toBe(1);
    expect(auditThreads(200, { SHIPSHAPE_AUDIT_THREADS: '1' })).toBe(1);
    expect(auditThreads(3, { SHIPSHAPE_AUDIT_THREADS: '8' })).toBe(3);
  });
});
