import { spawnSync } from 'node:child_process';
import { pythonCacheKey } from './python-cache-key';

describe('pythonCacheKey', () => {
  const python = '/usr/bin/python3';
  const available = spawnSync(python, ['--version']).status === 0;

  (available ? it : it.skip)(
    'holds the interpreter, its full version and a digest of its distributions',
    async () => {
      const version = spawnSync(python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' }).stdout.trim();
      expect(await pythonCacheKey(python)).toMatch(
        new RegExp(`^python: \\S*python3\\S* ${version.replace(/\./g, '\\.')}; installed distributions [0-9a-f]{16}$`),
      );
    },
    30_000,
  );

  it('is a key of its own when the named Python cannot run', async () => {
    expect(await pythonCacheKey('/nonexistent/python3')).toBe(
      'python: none (the "python" option names /nonexistent/python3, which could not be run (ENOENT))',
    );
  }, 30_000);
});
