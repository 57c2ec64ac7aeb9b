import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { isShipshapeError } from '../../util/errors';
import { tempWorkspace } from '../../testing/temp-workspace';
import { PythonUnavailableError, findPython } from './find-python';
import { analyzePython } from './python-adapter';

const posix = process.platform !== 'win32';

describe('findPython', () => {
  const ws = tempWorkspace({ 'empty-bin/.keep': '', 'mod.py': 'X = 1\n' });
  const saved = { path: process.env.PATH, python: process.env.SHIPSHAPE_PYTHON };
  const script = (name: string, body: string) => {
    ws.write({ [`fake/${name}`]: `#!/bin/sh\n${body}\n` });
    chmodSync(join(ws.root, 'fake', name), 0o755);
    return join(ws.root, 'fake', name);
  };
  const restore = () => {
    process.env.PATH = saved.path;
    if (saved.python === undefined) delete process.env.SHIPSHAPE_PYTHON;
    else process.env.SHIPSHAPE_PYTHON = saved.python;
  };
  beforeEach(restore);
  afterAll(() => {
    restore();
    ws.remove();
  });

  it('finds a Python 3.8+ on the PATH and returns its real executable', async () => {
    delete process.env.SHIPSHAPE_PYTHON;
    const python = await findPython();
    expect(python).toMatch(/python/);
    const analysis = await analyzePython([join(ws.root, 'mod.py')], { python });
    expect(analysis.python?.executable).toBe(python);
  });

  it('without any Python: one clear PythonUnavailableError naming the project; every run looks afresh', async () => {
    delete process.env.SHIPSHAPE_PYTHON;
    process.env.PATH = join(ws.root, 'empty-bin');
    const error = await findPython(undefined, 'libs/acme').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PythonUnavailableError);
    expect(isShipshapeError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'python3 was not found on the PATH: the Python checks of libs/acme were skipped. Install Python 3.8+ or set SHIPSHAPE_PYTHON.',
    );
    process.env.PATH = saved.path;
    await expect(findPython()).resolves.toMatch(/python/);
  });

  it('analyzePython without any Python rejects with the same error, and an empty batch runs nothing', async () => {
    delete process.env.SHIPSHAPE_PYTHON;
    process.env.PATH = join(ws.root, 'empty-bin');
    await expect(analyzePython([join(ws.root, 'mod.py')], { project: 'libs/acme' })).rejects.toThrow(
      /^python3 was not found on the PATH: the Python checks of libs\/acme/,
    );
    await expect(analyzePython([])).resolves.toEqual({ python: null, stdlibModules: [], files: {} });
    await expect(analyzePython([], { python: join(ws.root, 'no-such-dir/python3') })).resolves.toMatchObject({ python: null });
  });

  it('an interpreter the user names that does not work is an error naming it and where it was named, never a fall-back', async () => {
    const missing = join(ws.root, 'no-such-dir/python3');
    await expect(findPython(missing)).rejects.toThrow(
      `the "python" option names ${missing}, which could not be run (ENOENT): fix it, or unset it`,
    );
    process.env.SHIPSHAPE_PYTHON = missing;
    const error = await findPython().catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `SHIPSHAPE_PYTHON names ${missing}, which could not be run (ENOENT): fix it, or unset it to use the python3 on the PATH`,
    );
    expect(error).not.toBeInstanceOf(PythonUnavailableError);
    await expect(analyzePython([join(ws.root, 'mod.py')], { python: missing })).rejects.toThrow(
      `${missing} could not be run: the Python checks were skipped`,
    );
  });

  (posix ? it : it.skip)(
    'SHIPSHAPE_PYTHON is used when it works; a Python older than 3.8, garbage or a hang is an error saying so',
    async () => {
      process.env.SHIPSHAPE_PYTHON = script('python-new', 'echo "3 12 /opt/python3.12"');
      expect(await findPython()).toBe('/opt/python3.12');
      process.env.SHIPSHAPE_PYTHON = script('python2', 'echo "2 7 /opt/python2.7"');
      await expect(findPython()).rejects.toThrow(/which is Python 2\.7; Shipshape needs 3\.8 or newer/);
      process.env.SHIPSHAPE_PYTHON = script('garbage', 'echo "hello world"');
      await expect(findPython()).rejects.toThrow(/which is not a working Python \(exit code 0, printed "hello world"\)/);
      process.env.SHIPSHAPE_PYTHON = script('hanging', 'sleep 60 & sleep 60');
      const started = Date.now();
      await expect(findPython(undefined, undefined, 1_000)).rejects.toThrow(/which did not answer within 1 s and was stopped/);
      expect(Date.now() - started).toBeLessThan(8_000);
    },
  );

  (posix ? it : it.skip)('a crash of the helper is a ShipshapeError with the last line of its stderr', async () => {
    const crashing = script('crashing-python', 'echo "Traceback (most recent call last):" >&2\necho "RuntimeError: boom" >&2\nexit 1');
    const error = await analyzePython([join(ws.root, 'mod.py')], { python: crashing }).catch((e: unknown) => e);
    expect(isShipshapeError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(PythonUnavailableError);
    expect((error as Error).message).toMatch(/exit code 1\): RuntimeError: boom$/);
  });

  (posix ? it : it.skip)('output that is not JSON is a ShipshapeError too', async () => {
    const chatty = script('chatty-python', 'echo "hello"');
    await expect(analyzePython([join(ws.root, 'mod.py')], { python: chatty })).rejects.toThrow(/not JSON: hello/);
  });
});
