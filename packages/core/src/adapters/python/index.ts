export { PythonUnavailableError, findPython, resetPythonCache } from './find-python';
export { DEFAULT_MAX_PYTHON_BYTES, PYTHON_HELPER, analyzePython, type AnalyzePythonOptions } from './python-adapter';
export { normalizeDistributionName, pythonEnvironment } from './python-environment';
export type {
  PythonAll,
  PythonAnalysis,
  PythonAnnotations,
  PythonClassDefinition,
  PythonDefinition,
  PythonEnvironment,
  PythonFileError,
  PythonFileErrorKind,
  PythonFileResult,
  PythonFunctionDefinition,
  PythonImport,
  PythonVariableDefinition,
} from './types';
