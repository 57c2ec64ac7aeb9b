// @shipshape/core/python: the Python interpreter of a run and what it has installed, light enough to load
// where all of core would be too much (the audit target's runtime cache input).
export { findPython, readPythonEnvironment } from './adapters/python';
