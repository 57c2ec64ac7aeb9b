/** The README a package or project may carry, in the order they are looked for. */
export const README_FILE_NAMES = ['README.md', 'README.rst', 'README.txt', 'README'];

/** What a README's lead tells about the project, for a description. */
export interface ReadmeLead {
  /** The first paragraph of prose under the title, as one line, when it says something of the project. */
  paragraph?: string;
  /** That paragraph, when it is a scaffold's text ("This library was generated with Nx."): never a description. */
  boilerplate?: string;
}

/**
 * Sentences that project generators write into a new README and that say nothing of the project: Nx's
 * `@nx/js:library` and `create-nx-workspace`, the Angular CLI, Create React App, Vite and TSDX templates, Hatch's
 * license section, uv's and Poetry's placeholders, and the usual TODOs.
 */
const BOILERPLATE = [
  /\b(was|were|is|has been|have been)\s+(generated|scaffolded|bootstrapped|created)\s+(with|by|using)\b/i,
  /\bbootstrapp(ed|ing)\s+(this\s+project\s+)?with\b/i,
  /\byour new,? shiny\b/i,
  /^(run|use|execute|type)\s+(npx\s+)?(nx|ng|npm|yarn|pnpm|bun|hatch|poetry|uv)\s/i,
  /\bis distributed under the terms of the\b/i,
  /^this template (provides|should help)\b/i,
  /^(todo|tbd|fixme|wip)\b/i,
  /\blorem ipsum\b/i,
  /^(add|write|put|insert)\s+(a|an|your|the)\s+(short\s+|brief\s+|project\s+)?(description|summary)\b/i,
  /^(a\s+)?(short|brief)\s+description\s+(of|for)\s+(the|your|this)\s+(project|package|library)\b/i,
  /^describe\s+(your|the|this)\s+(project|package|library)\b/i,
];

/** Headings under which a README describes its project: the search for a lead paragraph goes on past them. */
const DESCRIBING_HEADING = /^(about|overview|introduction|description|what is\b.*)$/i;

/** The title of a section (a `##` heading, or a line underlined with `---` / `~~~`) the block starts, if it starts one. */
function sectionHeading(lines: string[]): string | undefined {
  const atx = /^#{2,6}\s+(.*?)\s*#*$/.exec(lines[0]);
  if (atx) return atx[1];
  return lines.length === 2 && /^(-{2,}|~{2,})$/.test(lines[1]) && !/^[-~]+$/.test(lines[0]) ? lines[0] : undefined;
}

/** Is this text a scaffold's sentence rather than something the project's authors wrote? */
export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.some((pattern) => pattern.test(text.trim()));
}

/**
 * The lead of a Markdown README: its first paragraph of prose before the first section (headings, badges, HTML,
 * front matter, code blocks and lists passed over; "About" and "Overview" sections count as the lead). A section
 * such as "Building" or "License" is never the project's description, and a scaffold's sentence is returned as
 * `boilerplate`, not as the paragraph.
 */
export function readmeLead(markdown: string): ReadmeLead {
  const blocks = markdown
    .replace(/^\uFEFF/, '')
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split(/\r?\n\s*\r?\n/);
  for (const block of blocks) {
    const lines = block
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    const heading = sectionHeading(lines);
    if (heading !== undefined && !DESCRIBING_HEADING.test(heading)) return {};
    if (!lines.every(isProse)) continue;
    const text = plainText(lines.join(' '));
    if (text.length < 10) continue;
    return isBoilerplate(text) ? { boilerplate: text } : { paragraph: text };
  }
  return {};
}

/** The first paragraph of prose of a Markdown README, as one line; undefined when there is none, or only boilerplate. */
export function firstParagraph(markdown: string): string | undefined {
  return readmeLead(markdown).paragraph;
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
