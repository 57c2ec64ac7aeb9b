/** The README a package or project may carry, in the order they are looked for. */
export const README_FILE_NAMES = ['README.md', 'README.rst', 'README.txt', 'README'];

/**
 * The first paragraph of prose of a Markdown README, as one line: headings, badges, HTML, front matter,
 * code blocks and lists are passed over. Undefined when there is none.
 */
export function firstParagraph(markdown: string): string | undefined {
  const blocks = markdown
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split(/\r?\n\s*\r?\n/);
  for (const block of blocks) {
    const lines = block
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0 || !lines.every(isProse)) continue;
    const text = plainText(lines.join(' '));
    if (text.length >= 10) return text;
  }
  return undefined;
}

function isProse(line: string): boolean {
  return !/^(#|=+$|-+$|\[!\[|!\[|<|[-*+] |\d+\. |>|\||\.\. )/.test(line);
}

/** Markdown links, emphasis and code marks removed. */
function plainText(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}
