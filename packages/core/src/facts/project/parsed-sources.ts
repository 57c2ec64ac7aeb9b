import type { PythonAnalysis } from '../../adapters/python/types';
import { defineFact } from '../fact';
import { pyproject, type PyProject } from './manifests';
import { pythonAnalysis } from './python';
import { typescriptSources } from './typescript';

/**
 * A source file that could not be read as code, with where and why. It is not evidence of absence: the audit
 * names it, and no check or fix concludes from the project's files that something is unused, dead or missing
 * while one of them does not parse.
 */
export interface UnparsedFile {
  file: string;
  line: number;
  reason: string;
}

/** The project's TS/JS files that could not be parsed (binary, not UTF-8, nested too deeply). */
export const unparsedTypescript = defineFact({
  id: 'typescript/unparsed',
  inputs: [typescriptSources],
  compute: (_project, sources): UnparsedFile[] =>
    sources.all().flatMap((module) => (module.error ? [{ file: module.file, line: 0, reason: module.error }] : [])),
});

/** The project's Python files that could not be parsed (a syntax error, a TabError, an encoding, NUL bytes, too large). */
export const unparsedPython = defineFact({
  id: 'python/unparsed',
  inputs: [pythonAnalysis, pyproject],
  compute: async (_project, analysis, manifest): Promise<UnparsedFile[]> => {
    const result = await analysis;
    const olderThanRequired = interpreterTooOld(result, manifest?.data);
    return Object.entries(result.files).flatMap(([file, { error }]) =>
      error
        ? [
            {
              file,
              line: error.line ?? 0,
              reason: error.kind === 'syntax' && olderThanRequired ? `${error.message}; ${olderThanRequired}` : error.message,
            },
          ]
        : [],
    );
  },
});

/**
 * Why a syntax error may be the interpreter's, not the file's: Python parses only the syntax of its own version
 * (a 3.12 `type X = …` on 3.11), and no newer one is at hand to read it with.
 */
function interpreterTooOld(analysis: PythonAnalysis, manifest: PyProject | undefined): string | undefined {
  const version = analysis.python?.version.split('.').map(Number);
  const spec = manifest?.project?.['requires-python'];
  const required = typeof spec === 'string' ? /^\s*(?:>=|~=|==)\s*(\d+)\.(\d+)/.exec(spec) : null;
  if (!version || !required) return undefined;
  const [major, minor] = [Number(required[1]), Number(required[2])];
  if (version[0] > major || (version[0] === major && version[1] >= minor)) return undefined;
  return `Python ${version[0]}.${version[1]} read it, and the project requires Python ${major}.${minor} or newer ("requires-python"), whose syntax it may not know: set the "python" option or SHIPSHAPE_PYTHON to a Python ${major}.${minor}+`;
}
