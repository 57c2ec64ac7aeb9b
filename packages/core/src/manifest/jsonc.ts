import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ShipshapeError } from '../util/errors';
import { stripBom } from './format';
import { positionAt } from './position';

/** JSON with comments and trailing commas, as Nx reads nx.json and tsconfig files; errors name file, line and column. */
export function parseJsonWithComments<T = unknown>(text: string, file: string): T {
  // A byte-order mark (an editor on Windows) is not part of the JSON: TypeScript and Nx read past it too.
  const json = stripBom(text);
  const errors: ParseError[] = [];
  const data: unknown = parse(json, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const { line, column } = positionAt(json, errors[0].offset);
    const problem = printParseErrorCode(errors[0].error)
      .replace(/(?<=[a-z])(?=[A-Z])/g, ' ')
      .toLowerCase();
    throw new ShipshapeError(`invalid JSON at line ${line}, column ${column}: ${problem}`, file);
  }
  return data as T;
}
