import { ShipshapeError } from '../../util/errors';
import { defineFact } from '../fact';
import { pythonAnalysis } from './python';
import { typescriptSources } from './typescript';

/** A source file that could not be read as code, with where and why. */
export interface UnparsedFile {
  file: string;
  line: number;
  reason: string;
}

/** Every TS/JS and Python file of the project that could not be parsed (binary, not UTF-8, a syntax error, too large). */
export const unparsedSources = defineFact({
  id: 'project/unparsed-sources',
  inputs: [typescriptSources, pythonAnalysis],
  compute: async (_project, sources, analysis): Promise<UnparsedFile[]> => [
    ...sources.all().flatMap((module) => (module.error ? [{ file: module.file, line: 0, reason: module.error }] : [])),
    ...Object.entries((await analysis).files).flatMap(([file, result]) =>
      result.error ? [{ file, line: result.error.line ?? 0, reason: result.error.message }] : [],
    ),
  ],
});

/**
 * Every source file of the project was parsed: the prerequisite of any check or fix that concludes that
 * something is absent (unused, dead, missing from `__all__`). A file that could not be read is not evidence of
 * absence, so such a check is skipped with the files named, instead of drawing a wrong conclusion.
 */
export const allSourcesParsed = defineFact({
  id: 'project/all-sources-parsed',
  inputs: [unparsedSources],
  compute: async (_project, unparsed): Promise<true> => {
    const files = await unparsed;
    if (files.length === 0) return true;
    const list = files
      .slice(0, 5)
      .map((f) => `${f.file}${f.line ? `:${f.line}` : ''} (${f.reason})`)
      .join(', ');
    const more = files.length > 5 ? ` and ${files.length - 5} more` : '';
    throw new ShipshapeError(
      `${files.length === 1 ? 'a source file' : `${files.length} source files`} could not be parsed: ${list}${more}; what such a file imports or defines is unknown, so nothing is called unused, dead or missing until it parses`,
    );
  },
});
