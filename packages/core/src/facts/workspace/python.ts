import { findPython, readPythonEnvironment, type PythonEnvironment } from '../../adapters/python';
import { defineWorkspaceFact } from '../fact';

/** The Python interpreter of the run: the `python` option, SHIPSHAPE_PYTHON, python3 or python (3.8+). Asked once per run. */
export const pythonInterpreter = defineWorkspaceFact({
  id: 'python/interpreter',
  compute: (workspace): Promise<string> => findPython(workspace.options.python),
});

/** The installed distributions of that interpreter (metadata only), read once per run. */
export const pythonEnvironment = defineWorkspaceFact({
  id: 'python/environment',
  inputs: [pythonInterpreter],
  compute: async (_workspace, interpreter): Promise<PythonEnvironment | null> => readPythonEnvironment(await interpreter),
});
