import { tempWorkspace } from '../../testing/temp-workspace';
import { auditServiceEnabled, serviceDigest, serviceSocket } from './service-address';

describe('where the audit service is and when it is used', () => {
  const ws = tempWorkspace({ 'nx.json': '{}', 'off/nx.json': '{"useDaemonProcess":false}' });
  afterAll(() => ws.remove());

  it('runs where Nx runs its daemon unless SHIPSHAPE_AUDIT_SERVICE says otherwise', () => {
    if (process.platform === 'win32') return;
    expect(auditServiceEnabled(ws.root, {})).toBe(true);
    expect(auditServiceEnabled(ws.root, { CI: 'true' })).toBe(false);
    expect(auditServiceEnabled(ws.root, { GITHUB_ACTIONS: 'true' })).toBe(false);
    expect(auditServiceEnabled(ws.root, { NX_DAEMON: 'false' })).toBe(false);
    expect(auditServiceEnabled(`${ws.root}/off`, {})).toBe(false);
    expect(auditServiceEnabled(ws.root, { CI: 'true', NX_DAEMON: 'true' })).toBe(true);
    expect(auditServiceEnabled(ws.root, { CI: 'true', SHIPSHAPE_AUDIT_SERVICE: 'true' })).toBe(true);
    expect(auditServiceEnabled(ws.root, { SHIPSHAPE_AUDIT_SERVICE: 'false' })).toBe(false);
  });

  it('is another service when the environment differs, except for Nx per-task variables and where audits run', () => {
    const identity = (env: NodeJS.ProcessEnv) => serviceDigest({ workspaceRoot: ws.root, cwd: ws.root, env });
    const base = { PATH: '/usr/bin', HOME: '/home/me' };
    expect(identity({ ...base, NX_TASK_HASH: '1', NX_TASK_TARGET_PROJECT: 'a', SHIPSHAPE_AUDIT_SERVICE: 'true' })).toBe(identity(base));
    expect(identity({ ...base, PATH: '/opt/python/bin:/usr/bin' })).not.toBe(identity(base));
    expect(identity({ ...base, SHIPSHAPE_PYTHON: '/usr/bin/python3' })).not.toBe(identity(base));
    expect(serviceDigest({ workspaceRoot: `${ws.root}/off`, cwd: ws.root, env: base })).not.toBe(identity(base));
    // A Unix socket's path is limited to about 100 bytes whatever the workspace's path.
    expect(serviceSocket({ workspaceRoot: `${ws.root}/${'deep/'.repeat(40)}`, cwd: ws.root, env: base }).length).toBeLessThan(100);
  });
});
