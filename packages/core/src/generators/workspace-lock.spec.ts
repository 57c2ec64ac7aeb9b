import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { tempWorkspace } from '../testing/temp-workspace';
import { acquireWorkspaceLock, lockPath } from './workspace-lock';

const locks = () => readdirSync(tmpdir()).filter((name) => name.startsWith('shipshape-generators-'));

describe('the generators lock of a workspace', () => {
  const ws = tempWorkspace({ 'nx.json': '{}' });
  afterAll(() => ws.remove());

  it('is taken again by the same process (a phase and its steps) and freed when the last holder releases it', () => {
    const before = locks().length;
    const outer = acquireWorkspaceLock(ws.root);
    const inner = acquireWorkspaceLock(ws.root);
    expect(locks()).toHaveLength(before + 1);
    inner();
    expect(locks()).toHaveLength(before + 1);
    outer();
    expect(locks()).toHaveLength(before);
  });

  it("refuses a second process while the first holds it, with one message, and takes over a dead process's lock", async () => {
    // Another process takes the lock and keeps it for a while.
    const holder = spawn(process.execPath, [
      '-e',
      `require('node:fs').writeFileSync(process.argv[1], String(process.pid)); setTimeout(() => {}, 3000)`,
      lockPath(ws.root),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(() => acquireWorkspaceLock(ws.root)).toThrow(
      /^another Shipshape generator \(process \d+\) is changing this workspace; run one at a time/,
    );
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    const release = acquireWorkspaceLock(ws.root);
    release();
  });

  it('takes no lock for a Tree with no folder behind it', () => {
    const before = locks().length;
    acquireWorkspaceLock('/virtual');
    expect(locks()).toHaveLength(before);
    expect(existsSync('/virtual')).toBe(false);
  });
});
