import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tempWorkspace } from '../testing/temp-workspace';
import { acquireWorkspaceLock, lockPath } from './workspace-lock';

describe('the generators lock of a workspace', () => {
  const ws = tempWorkspace({ 'nx.json': '{}' });
  afterAll(() => ws.remove());
  // Only this workspace's lock is looked at: other suites running at the same time take locks of their own.
  const locked = () => existsSync(lockPath(ws.root));

  it('is taken again by the same process (a phase and its steps) and freed when the last holder releases it', () => {
    const outer = acquireWorkspaceLock(ws.root);
    const inner = acquireWorkspaceLock(ws.root);
    expect(locked()).toBe(true);
    inner();
    expect(locked()).toBe(true);
    outer();
    expect(locked()).toBe(false);
  });

  it('adds one exit listener however often it is taken', () => {
    const before = process.listenerCount('exit');
    for (let i = 0; i < 20; i++) acquireWorkspaceLock(ws.root)();
    expect(process.listenerCount('exit')).toBeLessThanOrEqual(before + 1);
  });

  it("refuses a second process while the first holds it, with one message, and takes over a dead process's lock", async () => {
    // Another process takes the lock, says so, and keeps it until it is killed.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `require('node:fs').writeFileSync(process.argv[1], String(process.pid)); console.log('held'); setInterval(() => {}, 1000)`,
        lockPath(ws.root),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    expect(() => acquireWorkspaceLock(ws.root)).toThrow(
      /^another Shipshape generator \(process \d+\) is changing this workspace; run one at a time/,
    );
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    const release = acquireWorkspaceLock(ws.root);
    expect(locked()).toBe(true);
    release();
    expect(locked()).toBe(false);
  });

  it('takes no lock for a Tree with no folder behind it', () => {
    acquireWorkspaceLock('/virtual')();
    expect(existsSync(lockPath('/virtual'))).toBe(false);
    expect(existsSync('/virtual')).toBe(false);
  });
});
