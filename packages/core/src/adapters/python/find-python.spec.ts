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
    process.env.SHIPSHAPE_PYTHON = join(ws.root, 'no-such-dir/python3');
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
    process.env.SHIPSHAPE_PYTHON = join(ws.root, 'no-such-dir/python3');
    process.env.PATH = join(ws.root, 'empty-bin');
    await expect(analyzePython([join(ws.root, 'mod.py')], { project: 'libs/acme' })).rejects.toThrow(
      /^python3 was not found on the PATH: the Python checks of libs\/acme/,
    );
    await expect(analyzePython([])).resolves.toEqual({ python: null, stdlibModules: [], files: {} });
    await expect(analyzePython([], { python: join(ws.root, 'no-such-dir/python3') })).resolves.toMatchObject({ python: null });
  });

  it('an explicit interpreter that cannot be started is a PythonUnavailableError naming it', async () => {
    const missing = join(ws.root, 'no-such-dir/python3');
    await expect(analyzePython([join(ws.root, 'mod.py')], { python: missing })).rejects.toThrow(
      `${missing} could not be run: the Python checks were skipped`,
    );
    await expect(findPython(missing)).rejects.toThrow(`${missing} could not be run: the Python checks were skipped`);
  });

  (posix ? it : it.skip)('SHIPSHAPE_PYTHON comes first, and a Python older than 3.8 is passed over', async () => {
    process.env.SHIPSHAPE_PYTHON = script('python2', 'echo "2 7 /opt/python2.7"');
    expect(await findPython()).not.toBe('/opt/python2.7');
    process.env.SHIPSHAPE_PYTHON = script('python-new', 'echo "3 12 /opt/python3.12"');
    expect(await findPython()).toBe('/opt/python3.12');
  });

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
