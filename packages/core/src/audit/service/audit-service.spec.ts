import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { DEFAULTS } from '../../config/defaults';
import { tempWorkspace } from '../../testing/temp-workspace';
import { auditProjects, rehearseAudits, type AuditProjectRequest } from '../audit-project';
import { serveAudits } from './audit-service';
import { serviceSocket } from './service-address';
import { auditProjectsServed, stopAuditService } from './service-client';
import { auditMessage, connectTo, send } from './service-protocol';

/** The service's process runs compiled code: the build's (npm test builds before the unit tests). */
const SERVICE = join(__dirname, '../../../dist/audit/service/audit-service-main.js');

describe('the audit service', () => {
  const names = ['a', 'b', 'c'];
  const checks = (word: string) => `exports.checks = [{
  id: 'demo/license', title: 'has a license', planItem: 'structure/package-metadata', languages: ['typescript'], severity: 'warning',
  run: (project) => (process.env.DEMO_RUNS && require('fs').appendFileSync(process.env.DEMO_RUNS, project.name + '\\n'), JSON.parse(project.workspace.source.read(project.file('package.json'))).license ? [] : [{ message: '${word} ' + project.name + ' (process ' + process.pid + ')', file: project.file('package.json'), line: 1, column: 1 }]),
}];\n`;
  const ws = tempWorkspace({
    'package.json': '{"name":"ws"}',
    'checks/package.json': '{"name":"demo-checks","shipshape":{"checks":"./index.js"}}',
    'checks/index.js': checks('no license in'),
    // a check that takes its time, so that a service started during the audit answers before it ends
    'slow-checks/package.json': '{"name":"slow-checks","shipshape":{"checks":"./index.js"}}',
    'slow-checks/index.js': `exports.checks = [{ id: 'demo/slow', title: 'slow', planItem: 'structure/package-metadata', languages: ['typescript'], severity: 'warning',
  run: () => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400); return []; } }];\n`,
    ...Object.fromEntries(
      names.map((n, i) => [`libs/${n}/package.json`, JSON.stringify({ name: n, ...(i === 1 ? { license: 'MIT' } : {}) })]),
    ),
  });
  const env = { ...process.env, SHIPSHAPE_AUDIT_SERVICE: 'true' };
  const socketPath = serviceSocket({ workspaceRoot: ws.root, cwd: process.cwd(), env });
  afterAll(async () => {
    await stopAuditService(socketPath);
    ws.remove();
  });
  const request = (name: string, options: unknown = { packages: ['./checks'] }): AuditProjectRequest => ({
    workspaceRoot: ws.root,
    projectName: name,
    projectRoot: `libs/${name}`,
    options,
    optionsSource: `the options of ${name}`,
  });
  const requests = () => [...names.map((n) => request(n)), request('bad', { failOn: 'sometimes' })];
  const reports = () =>
    Object.fromEntries(names.map((n) => [n, readFileSync(join(ws.root, 'reports/shipshape/libs', n, 'audit.json'), 'utf8')]));
  /** What each project's audit gave: its findings' messages, or its error (with its kind). */
  async function outcomes(
    run: AsyncIterable<{ request: AuditProjectRequest; result?: { report: { findings: Array<{ message: string }> } }; error?: unknown }>,
  ) {
    rmSync(join(ws.root, 'reports'), { recursive: true, force: true });
    const seen: Record<string, string[] | string> = {};
    for await (const { request: r, result, error } of run)
      seen[r.projectName] = result ? result.report.findings.map((f) => f.message) : `${(error as Error).name}: ${(error as Error).message}`;
    return seen;
  }
  const withoutProcess = (seen: Record<string, string[] | string>) =>
    JSON.parse(JSON.stringify(seen).replace(/ \(process \d+\)/g, '')) as unknown;
  const processes = (seen: Record<string, string[] | string>) => new Set(JSON.stringify(seen).match(/process \d+/g));

  it('gives every project of a batch the result and the report files it gets in this process, an invalid request its own error', async () => {
    const here = await outcomes(auditProjects(requests()));
    const hereReports = reports();
    const service = await serveAudits(socketPath, { workspaceRoot: ws.root });
    try {
      const served = await outcomes(auditProjectsServed(requests(), { env, serviceScript: SERVICE }));
      expect(service.batches).toBe(1);
      expect(served).toEqual(here);
      expect(served.bad).toMatch(/^ShipshapeError: invalid Shipshape options in the options of bad/);
      expect(reports()).toEqual(hereReports);
    } finally {
      await service.close();
    }
    expect(existsSync(socketPath)).toBe(false);
  });

  it('rehearses the audits of a warm message: their checks run, nothing is written, nothing answered', async () => {
    const runs = join(ws.root, 'runs.log');
    rmSync(join(ws.root, 'reports'), { recursive: true, force: true });
    rmSync(runs, { force: true });
    process.env.DEMO_RUNS = runs;
    const service = await serveAudits(socketPath, { workspaceRoot: ws.root });
    try {
      const socket = (await connectTo(socketPath))!;
      let answered = '';
      socket.on('data', (data) => (answered += String(data)));
      const closed = new Promise((resolve) => socket.on('close', resolve));
      send(socket, { ...auditMessage(names.map((n) => ({ ...request(n), updateBaseline: true }))), type: 'warm' });
      await closed;
      // batches run one after another: this one's answer comes once the rehearsal is done
      const after = await outcomes(
        auditProjectsServed([request('a', { packages: ['./checks'], reportsDir: 'other/{projectRoot}' })], { env, serviceScript: SERVICE }),
      );
      expect(after).toEqual({ a: [expect.stringMatching(/^no license in a/)] });
      expect(answered).toBe('');
      expect(readFileSync(runs, 'utf8').split('\n').filter(Boolean)).toEqual([...names, 'a']);
      expect(service.batches).toBe(1);
    } finally {
      delete process.env.DEMO_RUNS;
      await service.close();
    }
    expect(existsSync(join(ws.root, 'reports'))).toBe(false);
    for (const n of names) expect(existsSync(join(ws.root, 'libs', n, DEFAULTS.baselineFile))).toBe(false);
  });

  it('rehearses nothing while a profile is recorded (the profile holds the audits that were asked for)', async () => {
    const [runs, profile] = [join(ws.root, 'runs-profiled.log'), join(ws.root, 'profile.jsonl')];
    Object.assign(process.env, { DEMO_RUNS: runs, SHIPSHAPE_PROFILE: profile });
    try {
      await rehearseAudits(names.map((n) => request(n)));
    } finally {
      delete process.env.DEMO_RUNS;
      delete process.env.SHIPSHAPE_PROFILE;
    }
    expect([existsSync(runs), existsSync(profile)]).toEqual([false, false]);
    // without the profile, the same rehearsal runs the checks
    process.env.DEMO_RUNS = runs;
    try {
      await rehearseAudits(names.map((n) => request(n)));
    } finally {
      delete process.env.DEMO_RUNS;
    }
    expect(readFileSync(runs, 'utf8').split('\n').filter(Boolean)).toEqual(names);
  });

  it('has the service it started rehearse the first audits of the batch once they are done', async () => {
    // a stand-in for the service's entry: it listens at once and writes down what it is sent
    const received = join(ws.root, 'received.log');
    const fakeService = join(ws.root, 'fake-service.js');
    writeFileSync(
      fakeService,
      `const net = require('net'); const fs = require('fs'); const [, , , socketPath] = process.argv;
const server = net.createServer((s) => { let text = ''; s.on('data', (d) => (text += d)); s.on('end', () => { fs.appendFileSync(${JSON.stringify(received)}, text); s.end(); server.close(); }); });
server.listen(socketPath); fs.writeFileSync(${JSON.stringify(`${fakeService}.pid`)}, String(process.pid));\n`,
    );
    try {
      const slow = names.map((n) => request(n, { packages: ['./slow-checks'] }));
      const seen = await outcomes(auditProjectsServed(slow, { env, serviceScript: fakeService }));
      expect(seen).toEqual({ a: [], b: [], c: [] });
      const deadline = Date.now() + 10_000;
      while (!existsSync(received) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const message = JSON.parse(readFileSync(received, 'utf8')) as { type: string; requests: AuditProjectRequest[] };
      expect(message.type).toBe('warm');
      expect(message.requests.map((r) => r.projectName)).toEqual(['a', 'b']);
    } finally {
      try {
        process.kill(Number(readFileSync(`${fakeService}.pid`, 'utf8')));
      } catch {
        // gone already
      }
      rmSync(socketPath, { force: true });
    }
  });

  it('audits in this process what a service that fails or goes away leaves unanswered', async () => {
    const here = await outcomes(auditProjects(requests()));
    for (const behaviour of ['hang up', 'fatal'] as const) {
      const fake: Server = createServer((socket) => {
        socket.once('data', () => {
          if (behaviour === 'fatal') socket.end(`${JSON.stringify({ done: true, fatal: 'broken' })}\n`);
          else socket.destroy();
        });
      });
      await new Promise<void>((resolve) => fake.listen(socketPath, resolve));
      try {
        expect(await outcomes(auditProjectsServed(requests(), { env, serviceScript: SERVICE }))).toEqual(here);
      } finally {
        await new Promise((resolve) => fake.close(resolve));
      }
    }
  });

  it('starts a service for the next run, whose answers are those of this process; a changed workspace module stops it', async () => {
    expect(existsSync(SERVICE)).toBe(true);
    const here = await outcomes(auditProjects(requests()));
    // No service yet: audited here, and one is started.
    const first = await outcomes(auditProjectsServed(requests(), { env, serviceScript: SERVICE }));
    expect(processes(first)).toEqual(new Set([`process ${process.pid}`]));
    const deadline = Date.now() + 20_000;
    while (!existsSync(socketPath) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(socketPath)).toBe(true);

    const served = await outcomes(auditProjectsServed(requests(), { env, serviceScript: SERVICE }));
    expect(withoutProcess(served)).toEqual(withoutProcess(here));
    const [serviceProcess] = processes(served);
    expect(serviceProcess).not.toBe(`process ${process.pid}`);

    // The check package is the workspace's own: once it changes, the service refuses the batch and stops.
    ws.write({ 'checks/index.js': checks('still no license in') });
    const afterChange = await outcomes(auditProjectsServed(requests(), { env, serviceScript: SERVICE }));
    expect(processes(afterChange)).toEqual(new Set([`process ${process.pid}`]));
    const stopped = Date.now() + 10_000;
    while (existsSync(socketPath) && Date.now() < stopped) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(socketPath)).toBe(false);
  });
});
