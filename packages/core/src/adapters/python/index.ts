export { PythonUnavailableError, findPython } from './find-python';
export { PYTHON_HELPER, analyzePython, type AnalyzePythonOptions } from './python-adapter';
export { analyzePythonSources } from './analyze-sources';
export { normalizeDistributionName, readPythonEnvironment } from './python-environment';
export { PYTHON_VERSIONS, TYPESHED_ONLY_MODULES, stdlibInSomeVersion, stdlibOfVersions } from './stdlib-versions';
export type {
  PythonAll,
  PythonAnalysis,
  PythonAnnotations,
  PythonClassDefinition,
  PythonDefinition,
  PythonEnvironment,
  PythonImportPathStamp,
  PythonFileError,
  PythonFileErrorKind,
  PythonFileResult,
  PythonFunctionDefinition,
  PythonImport,
  PythonVariableDefinition,
} from './types';
