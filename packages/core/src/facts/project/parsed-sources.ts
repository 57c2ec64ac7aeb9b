import { defineFact } from '../fact';
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
  inputs: [pythonAnalysis],
  compute: async (_project, analysis): Promise<UnparsedFile[]> =>
    Object.entries((await analysis).files).flatMap(([file, result]) =>
      result.error ? [{ file, line: result.error.line ?? 0, reason: result.error.message }] : [],
    ),
});
