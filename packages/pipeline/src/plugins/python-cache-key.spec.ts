import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computePythonKey, fileStamp, pythonCacheKey, type ComputedPythonKey } from './python-cache-key';
import { pythonKeyScript } from './python-key-script';

describe('pythonCacheKey', () => {
  const python = '/usr/bin/python3';
  const available = spawnSync(python, ['--version']).status === 0;
  let dir: string;
  let cacheDir: string;
  const saved = { PATH: process.env.PATH, SHIPSHAPE_PYTHON: process.env.SHIPSHAPE_PYTHON };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-python-key-'));
    cacheDir = join(dir, 'cache');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  /** A stand-in interpreter on the PATH and its site-packages; the spawner is a mock that says what Python would. */
  function fakePython(name = 'bin') {
    const bin = join(dir, name);
    const site = join(dir, `${name}-site-packages`);
    mkdirSync(bin, { recursive: true });
    mkdirSync(site, { recursive: true });
    const executable = join(bin, 'python3');
    writeFileSync(executable, '#!/bin/sh\nexit 1\n');
    chmodSync(executable, 0o755);
    let computed = 0;
    const compute = jest.fn(async (): Promise<ComputedPythonKey> => ({
      key: `python: ${executable} 3.12.0; installed distributions ${readdirSync(site).join(',')} #${++computed}`,
      executable,
      importPaths: [
        [executable, fileStamp(executable)],
        [site, fileStamp(site)],
      ],
    }));
    return { bin, site, executable, compute };
  }

  function onPath(...bins: string[]) {
    process.env.PATH = bins.join(':');
    delete process.env.SHIPSHAPE_PYTHON;
  }

  it('serves the key from its cache file without running Python while nothing changed', async () => {
    const fake = fakePython();
    onPath(fake.bin);
    const first = await pythonCacheKey(undefined, { cacheDir, compute: fake.compute });
    expect(fake.compute).toHaveBeenCalledTimes(1);
    expect(await pythonCacheKey(undefined, { cacheDir, compute: fake.compute })).toBe(first);
    expect(await pythonCacheKey(undefined, { cacheDir, compute: fake.compute })).toBe(first);
    expect(fake.compute).toHaveBeenCalledTimes(1);
  });

  it('computes again when a distribution is installed (its folder changes)', async () => {
    const fake = fakePython();
    onPath(fake.bin);
    await pythonCacheKey(undefined, { cacheDir, compute: fake.compute });
    mkdirSync(join(fake.site, 'requests-2.32.0.dist-info'));
    utimesSync(fake.site, new Date(), new Date(Date.now() + 5_000)); // whatever the file system's mtime granularity
    expect(await pythonCacheKey(undefined, { cacheDir, compute: fake.compute })).toContain('requests-2.32.0.dist-info');
    expect(fake.compute).toHaveBeenCalledTimes(2);
  });

  it('computes again for another SHIPSHAPE_PYTHON, another PATH or another interpreter file', async () => {
    const fake = fakePython();
    const other = fakePython('other');
    onPath(fake.bin);
    await pythonCacheKey(undefined, { cacheDir, compute: fake.compute });
    process.env.SHIPSHAPE_PYTHON = other.executable;
    await pythonCacheKey(undefined, { cacheDir, compute: other.compute });
    expect(other.compute).toHaveBeenCalledTimes(1);
    onPath(other.bin, fake.bin);
    await pythonCacheKey(undefined, { cacheDir, compute: other.compute });
    expect(other.compute).toHaveBeenCalledTimes(2);
    writeFileSync(other.executable, '#!/bin/sh\nexit 2\n');
    await pythonCacheKey(undefined, { cacheDir, compute: other.compute });
    expect(other.compute).toHaveBeenCalledTimes(3);
    await pythonCacheKey(undefined, { cacheDir, compute: other.compute });
    expect(other.compute).toHaveBeenCalledTimes(3);
  });

  it('keeps one cache file per PATH: alternating two PATHs runs Python once for each', async () => {
    const fake = fakePython();
    const before = [fake.bin];
    const after = [join(dir, 'node_modules', '.bin'), fake.bin];
    for (const path of [before, after, before, after]) {
      onPath(...path);
      await pythonCacheKey(undefined, { cacheDir, compute: fake.compute });
    }
    expect(fake.compute).toHaveBeenCalledTimes(2);
  });

  it('keeps one cache file per "python" option', async () => {
    const fake = fakePython();
    onPath(fake.bin);
    const named = await pythonCacheKey(fake.executable, { cacheDir, compute: fake.compute });
    const found = await pythonCacheKey(undefined, { cacheDir, compute: fake.compute });
    expect(fake.compute).toHaveBeenCalledTimes(2);
    expect(await pythonCacheKey(fake.executable, { cacheDir, compute: fake.compute })).toBe(named);
    expect(await pythonCacheKey(undefined, { cacheDir, compute: fake.compute })).toBe(found);
    expect(fake.compute).toHaveBeenCalledTimes(2);
  });

  describe('the shell script beside the cache', () => {
    const gnuStat =
      spawnSync('stat', ['-L', '-c', '%.9Y', '/'])
        .stdout?.toString()
        .match(/^\d+\.\d{9}$/m) !== null;
    const system = ['/usr/bin', '/bin']; // where the shell finds stat
    const maybe = gnuStat && process.platform !== 'win32' ? it : it.skip;

    /** Runs the script as Nx runs the runtime input: through the shell, from the workspace, with this environment. */
    function runScript(configured?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()) {
      const script = join(cacheDir, pythonKeyScript(configured).split('/').pop() as string);
      const result = spawnSync('/bin/sh', [script], { encoding: 'utf8', env, cwd });
      return { status: result.status, stdout: result.stdout };
    }

    maybe('is written once Node has served the key from its cache, and prints exactly that key', async () => {
      const fake = fakePython();
      onPath(fake.bin, ...system);
      const compute = jest.fn(async () => ({ ...(await fake.compute()), key: `python: it's "quoted" $PATH \\ \`x\`` }));
      const key = await pythonCacheKey(undefined, { cacheDir, compute });
      expect(runScript().status).not.toBe(0); // a key just computed is not repeated: its files were not recorded first
      expect(await pythonCacheKey(undefined, { cacheDir, compute })).toBe(key);
      expect(runScript()).toEqual({ status: 0, stdout: `${key}\n` });
      expect(compute).toHaveBeenCalledTimes(1);
    });

    maybe(
      'fails, printing nothing, when a distribution is installed, the PATH or SHIPSHAPE_PYTHON or PYENV_VERSION differs, a python3 appears earlier on the PATH, or it runs elsewhere',
      async () => {
        const fake = fakePython();
        const earlier = join(dir, 'earlier');
        mkdirSync(earlier);
        onPath(earlier, fake.bin, ...system);
        await pythonCacheKey(undefined, { cacheDir, compute: fake.compute });
        await pythonCacheKey(undefined, { cacheDir, compute: fake.compute });
        expect(runScript().status).toBe(0);
        const failed = { status: 1, stdout: '' };
        expect(runScript(undefined, { ...process.env, PATH: [fake.bin, ...system].join(':') })).toEqual(failed);
        expect(runScript(undefined, { ...process.env, SHIPSHAPE_PYTHON: fake.executable })).toEqual(failed);
        expect(runScript(undefined, { ...process.env, SHIPSHAPE_PYTHON: '' })).toEqual(failed);
        expect(runScript(undefined, { ...process.env, PYENV_VERSION: '3.12.0' })).toEqual(failed);
        expect(runScript(undefined, process.env, dir)).toEqual(failed);
        expect(runScript('/opt/other/python3')).toEqual({ status: 2, stdout: '' }); // no script: that option has its own
        expect(runScript().status).toBe(0);
        writeFileSync(join(earlier, 'python3'), '#!/bin/sh\nexit 0\n');
        chmodSync(join(earlier, 'python3'), 0o755);
        expect(runScript()).toEqual(failed);
        rmSync(join(earlier, 'python3'));
        expect(runScript().status).toBe(0);
        mkdirSync(join(fake.site, 'requests-2.32.0.dist-info'));
        utimesSync(fake.site, new Date(), new Date(Date.now() + 5_000));
        expect(runScript()).toEqual(failed);
      },
    );

    maybe('is rewritten by Node for the state it checked last, so it follows what Node decides', async () => {
      const fake = fakePython();
      onPath(fake.bin, ...system);
      await pythonCacheKey(undefined, { cacheDir, compute: fake.compute });
      await pythonCacheKey(undefined, { cacheDir, compute: fake.compute });
      mkdirSync(join(fake.site, 'requests-2.32.0.dist-info'));
      utimesSync(fake.site, new Date(), new Date(Date.now() + 5_000));
      const installed = await pythonCacheKey(undefined, { cacheDir, compute: fake.compute });
      expect(runScript().status).toBe(1);
      expect(await pythonCacheKey(undefined, { cacheDir, compute: fake.compute })).toBe(installed);
      expect(runScript()).toEqual({ status: 0, stdout: `${installed}\n` });
      expect(installed).toContain('requests-2.32.0.dist-info');
      expect(fake.compute).toHaveBeenCalledTimes(2);
    });
  });

  it('ignores a corrupt or unreadable cache file and writes it again', async () => {
    const fake = fakePython();
    onPath(fake.bin);
    await pythonCacheKey(undefined, { cacheDir, compute: fake.compute });
    const [file] = readdirSync(cacheDir);
    for (const broken of ['{"format": 1, "key": "python: stale"', '{"format":1,"key":"python: stale","importPaths":[]}', 'null']) {
      writeFileSync(join(cacheDir, file), broken);
      expect(await pythonCacheKey(undefined, { cacheDir, compute: fake.compute })).not.toContain('stale');
    }
    expect(fake.compute).toHaveBeenCalledTimes(4);
    expect(JSON.parse(readFileSync(join(cacheDir, file), 'utf8'))).toMatchObject({ key: expect.stringContaining('#4') });
    expect(readdirSync(cacheDir)).toEqual([file]); // no temporary file left
  });

  it('does not cache through a launcher that is not the interpreter (it may pick another one)', async () => {
    const fake = fakePython();
    onPath(fake.bin);
    const compute = jest.fn(async () => ({ ...(await fake.compute()), executable: python }));
    await pythonCacheKey(undefined, { cacheDir, compute });
    await pythonCacheKey(undefined, { cacheDir, compute });
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('follows a pyenv shim: another PYENV_VERSION or .python-version computes again', async () => {
    const fake = fakePython();
    const root = join(dir, 'pyenv');
    mkdirSync(root);
    writeFileSync(
      fake.executable,
      `#!/usr/bin/env bash\nset -e\nprogram="\${0##*/}"\n\nexport PYENV_ROOT="${root}"\nexec "${root}/libexec/pyenv" exec "$program" "$@"\n`,
    );
    onPath(fake.bin);
    const compute = jest.fn(async () => ({ ...(await fake.compute()), executable: python }));
    await pythonCacheKey(undefined, { cacheDir, compute });
    await pythonCacheKey(undefined, { cacheDir, compute });
    expect(compute).toHaveBeenCalledTimes(1);
    writeFileSync(join(root, 'version'), '3.12.0\n');
    await pythonCacheKey(undefined, { cacheDir, compute });
    expect(compute).toHaveBeenCalledTimes(2);
    process.env.PYENV_VERSION = '3.11.0';
    try {
      await pythonCacheKey(undefined, { cacheDir, compute });
    } finally {
      delete process.env.PYENV_VERSION;
    }
    expect(compute).toHaveBeenCalledTimes(3);
    const workspace = join(dir, 'workspace');
    mkdirSync(join(workspace, 'libs'), { recursive: true });
    const cwd = process.cwd();
    process.chdir(join(workspace, 'libs'));
    try {
      await pythonCacheKey(undefined, { cacheDir, compute });
      await pythonCacheKey(undefined, { cacheDir, compute });
      expect(compute).toHaveBeenCalledTimes(4);
      writeFileSync(join(workspace, '.python-version'), '3.10.0\n');
      await pythonCacheKey(undefined, { cacheDir, compute });
      expect(compute).toHaveBeenCalledTimes(5);
    } finally {
      process.chdir(cwd);
    }
  });

  it('is the "none" key when there is no Python, and asks again next time', async () => {
    onPath(join(dir, 'empty'));
    const compute = jest.fn(computePythonKey);
    expect(await pythonCacheKey(undefined, { cacheDir, compute })).toBe('python: none (python3 was not found on the PATH)');
    expect(await pythonCacheKey(undefined, { cacheDir, compute })).toBe('python: none (python3 was not found on the PATH)');
    expect(compute).toHaveBeenCalledTimes(2);
  }, 30_000);

  (available ? it : it.skip)(
    'holds the interpreter, its full version and a digest of its distributions, cached until one is installed',
    async () => {
      const venv = join(dir, 'venv');
      expect(spawnSync(python, ['-m', 'venv', '--without-pip', venv]).status).toBe(0);
      const version = spawnSync(python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' }).stdout.trim();
      const compute = jest.fn(computePythonKey);
      const key = await pythonCacheKey(join(venv, 'bin', 'python3'), { cacheDir, compute });
      expect(key).toMatch(new RegExp(`^python: \\S*python3\\S* ${version.replace(/\./g, '\\.')}; installed distributions [0-9a-f]{16}$`));
      expect(await pythonCacheKey(join(venv, 'bin', 'python3'), { cacheDir, compute })).toBe(key);
      expect(compute).toHaveBeenCalledTimes(1);
      const site = join(venv, 'lib', `python${version.split('.').slice(0, 2).join('.')}`, 'site-packages');
      mkdirSync(join(site, 'fake_dist-1.0.dist-info'));
      writeFileSync(join(site, 'fake_dist-1.0.dist-info', 'METADATA'), 'Metadata-Version: 2.1\nName: fake-dist\nVersion: 1.0\n');
      utimesSync(site, new Date(), new Date(Date.now() + 5_000));
      const installed = await pythonCacheKey(join(venv, 'bin', 'python3'), { cacheDir, compute });
      expect(compute).toHaveBeenCalledTimes(2);
      expect(installed).not.toBe(key);
    },
    60_000,
  );

  it('is a key of its own when the named Python cannot run', async () => {
    expect(await pythonCacheKey('/nonexistent/python3', { cacheDir })).toBe(
      'python: none (the "python" option names /nonexistent/python3, which could not be run (ENOENT))',
    );
  }, 30_000);
});
