export type Eol = '\n' | '\r\n';

/** The line ending the text already uses (its first one), LF for a one-line text. */
export function detectEol(text: string): Eol {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** The indentation unit of the first indented line: a tab, or a run of spaces; two spaces when nothing is indented. */
export function detectIndent(text: string): string {
  const match = /^([ \t]+)\S/m.exec(text);
  if (!match) return '  ';
  return match[1].startsWith('\t') ? '\t' : match[1];
}

export function withEol(text: string, eol: Eol): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, eol);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
