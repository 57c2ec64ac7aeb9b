/**
 * Files written as one text, each after a `== path` line (the txtar idea): a test's fixture reads as the files it
 * holds. Each line of a file ends with a newline; the text's leading indentation is removed.
 */
export function filesOf(text: string): Record<string, string> {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  const files: Record<string, string> = {};
  let current: string | undefined;
  for (const line of lines.map((l) => l.slice(indent))) {
    const header = /^== (\S+)$/.exec(line);
    if (header) files[(current = header[1])] = '';
    else if (current !== undefined) files[current] += `${line}\n`;
  }
  // The text's last line (the closing backtick's) is not part of the last file.
  if (current !== undefined) files[current] = files[current].replace(/\n[ \t]*\n$/, '\n');
  return files;
}
