// The local registry that the other suites install from: it serves the packages published from
// this commit, and proxies everything else to the public registry.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { e2eContext, workspaceEnv } from './utils/env';
import { run } from './utils/run';

describe('local registry', () => {
  const ctx = e2eContext();
  const env = workspaceEnv(ctx);
  const cwd = mkdtempSync(join(ctx.tmp, 'registry-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('serves every package published from this commit', async () => {
    expect(ctx.packages.length).toBeGreaterThan(0);
    for (const pkg of ctx.packages) {
      const result = await run('npm', ['view', `${pkg.name}@${pkg.version}`, 'dist.tarball', '--json'], { cwd, env });
      expect(JSON.parse(result.stdout)).toBe(`${ctx.registry}/${pkg.name}/-/${pkg.name.split('/')[1]}-${pkg.version}.tgz`);
    }
  });

  it('proxies other packages to the public registry, with tarballs served locally', async () => {
    const result = await run('npm', ['view', 'nx', 'dist-tags.latest', 'dist.tarball', '--json'], { cwd, env });
    const view = JSON.parse(result.stdout);
    expect(view['dist-tags.latest']).toMatch(/^\d+\.\d+\.\d+/);
    expect(view['dist.tarball'].startsWith(`${ctx.registry}/nx/-/`)).toBe(true);
  });
});
