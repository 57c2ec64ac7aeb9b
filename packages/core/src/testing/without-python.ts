/**
 * Makes the tests of the enclosing `describe` run as on a machine without Python: nothing on the PATH and no
 * SHIPSHAPE_PYTHON. Both are restored afterwards. (Each run looks for its interpreter afresh, so nothing is
 * cached across tests.)
 */
export function withoutPython(): void {
  const saved = { path: process.env.PATH, python: process.env.SHIPSHAPE_PYTHON };
  beforeAll(() => {
    process.env.PATH = '/nonexistent';
    delete process.env.SHIPSHAPE_PYTHON;
  });
  afterAll(() => {
    process.env.PATH = saved.path;
    if (saved.python === undefined) delete process.env.SHIPSHAPE_PYTHON;
    else process.env.SHIPSHAPE_PYTHON = saved.python;
  });
}
