import type { ExportedName } from './module-exports';

const MAX_LINE = 100;

/**
 * `export { a, b } from 'specifier'` for the values and `export type { T } from 'specifier'` for the types, each on
 * one line when it fits in 100 characters, else one name a line.
 */
export function exportStatements(names: ExportedName[], specifier: string, options: { semicolon: boolean; eol?: string }): string {
  const end = options.semicolon ? ';' : '';
  const eol = options.eol ?? '\n';
  const values = names.filter((n) => !n.typeOnly).map((n) => n.name);
  const types = names.filter((n) => n.typeOnly).map((n) => n.name);
  const statements: string[] = [];
  if (values.length > 0) statements.push(exportStatement('export', values, specifier, end, eol));
  if (types.length > 0) statements.push(exportStatement('export type', types, specifier, end, eol));
  // A module that exports nothing was still loaded by `export *`: keep loading it.
  return statements.length > 0 ? statements.join(eol) : `export {} from ${specifier}${end}`;
}

function exportStatement(keyword: string, names: string[], specifier: string, end: string, eol: string): string {
  const inline = `${keyword} { ${names.join(', ')} } from ${specifier}${end}`;
  return inline.length <= MAX_LINE ? inline : `${keyword} {${eol}${names.map((n) => `  ${n},`).join(eol)}${eol}} from ${specifier}${end}`;
}
