import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/** A heading of a page, with the anchor MkDocs gives it. */
export interface PageHeading {
  level: number;
  text: string;
  /** 1-based. */
  line: number;
  /** The id MkDocs' toc extension gives it: `{#id}` of attr_list, else the slug made unique on the page. */
  id: string;
}

/** A Markdown link or image of a page, as written. */
export interface PageLink {
  href: string;
  /** 1-based line and column of the target in the page's text. */
  line: number;
  column: number;
  image: boolean;
}

/** What the checks read of one Markdown page. */
export interface ParsedPage {
  /** The page's text starts with YAML front matter (kept out of the parse). */
  frontMatter: boolean;
  headings: PageHeading[];
  /** Every id a link may point at: headings' ids, ids and names of raw HTML, footnotes. */
  anchors: Set<string>;
  links: PageLink[];
  /**
   * Anchors other tools add at build time (mkdocstrings `::: x`, snippets `--8<--`, Jinja `{% %}`, content tabs):
   * an anchor missing from `anchors` may still exist on the built page.
   */
  openAnchors: boolean;
  /** Paths the page pulls in by snippets (`--8<-- "x.md"`) or include directives (`{% include "x.md" %}`), as written. */
  includes: string[];
  /** The page has mkdocstrings `::: module` blocks (API reference written at build time). */
  autodoc: boolean;
  /** The text of the page with its headings, front matter, comments and markup left out. */
  prose: string;
  /** The page has something other than headings and prose: a table, a list, code, an image, HTML, a directive. */
  hasBlocks: boolean;
}

const parser = new MarkdownIt('default', { html: true, linkify: false });

/** Python-Markdown's container blocks whose body is indented: admonitions, details, content tabs. */
const CONTAINER = /^(?:!!!|\?\?\?\+?|===!?\+?)(?:\s|$)/;
const FENCE = /^(`{3,}|~{3,})/;

/**
 * The page's text as CommonMark sees what Python-Markdown parses: the body of an admonition, a `???` details block
 * or a `===` content tab is indented by four spaces, which CommonMark reads as code; it is dedented, and the opening
 * line blanked, so that its headings and links are seen. Line numbers are kept.
 */
export function unindentContainers(text: string): string {
  const lines = text.split('\n');
  const stack: number[] = [];
  let fence: string | undefined;
  return lines
    .map((raw) => {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '') return line;
      const indent = /^ */.exec(line.replace(/\t/g, '    '))![0].length;
      while (stack.length > 0 && indent < stack[stack.length - 1] + 4) stack.pop();
      const expanded = line.replace(/^\t+/, (tabs) => '    '.repeat(tabs.length));
      const dedented = expanded.slice(Math.min(indent, 4 * stack.length));
      const body = dedented.trimStart();
      if (fence) {
        if (body.startsWith(fence)) fence = undefined;
        return dedented;
      }
      const opening = FENCE.exec(body)?.[1];
      if (opening) {
        fence = opening;
        return dedented;
      }
      if (CONTAINER.test(body)) {
        stack.push(indent);
        return '';
      }
      return dedented;
    })
    .join('\n');
}

/** Python-Markdown's toc slugify (NFKD, ASCII only, word characters, spaces and hyphens, lower case, runs of space and hyphen as one hyphen). */
export function slugify(text: string): string {
  const ascii = text.normalize('NFKD').replace(/[^\t\n\r -~]/g, '');
  return ascii
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-');
}

/** An anchor as a custom slugify (pymdownx.slugs, a hook's) may have made it: letters and digits, lower case. */
export function looseAnchor(anchor: string): string {
  return anchor
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** toc's `unique`: `x`, then `x_1`, `x_2`; an empty id is `_1`. */
function unique(id: string, used: Set<string>): string {
  let candidate = id;
  while (used.has(candidate) || candidate === '') {
    const numbered = /^(.*)_([0-9]+)$/.exec(candidate);
    candidate = numbered ? `${numbered[1]}_${Number(numbered[2]) + 1}` : `${candidate}_1`;
  }
  used.add(candidate);
  return candidate;
}

/** A trailing attr_list of a heading, `{ #id .class }`: the text without it and the id it sets. */
function headingAttributes(text: string): { text: string; id?: string } {
  const match = /\s*\{:?\s*([^}]*)\}\s*$/.exec(text);
  if (!match || !/(^|\s)[#.]|=/.test(match[1])) return { text };
  const id = /(?:^|\s)#([^\s#.}]+)/.exec(match[1])?.[1];
  return { text: text.slice(0, match.index), id };
}

/** The text toc slugifies: the heading's rendered text, tags and images left out. */
function headingText(inline: Token | undefined): string {
  return (inline?.children ?? []).map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : '')).join('');
}

const HTML_ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;
const FOOTNOTE = /^\[\^([^\]]+)\]:/gm;
/** attr_list ids on any element (`{#id}`, `{: #id .class}`), autorefs' Markdown anchors (`[](){#id}`). */
const ATTR_ID = /\{:?[ \t]*(?:[.\w-]+(?:=(?:"[^"]*"|'[^']*'|\S+))?[ \t]+)*#([^\s#.}]+)[^}\n]*\}/g;
const SNIPPET = /^\s*-{1,}8<-{1,}\s+["']?([^"'\s]+)["']?/gm;
const JINJA_INCLUDE = /\{%-?\s*include(?:-markdown)?\s+["']([^"']+)["']/g;

/** Splits off YAML front matter (`---` … `---` at the top), keeping its lines blank so that line numbers stay. */
function withoutFrontMatter(text: string): { text: string; frontMatter: boolean } {
  const match = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { text, frontMatter: false };
  return { text: match[0].replace(/[^\n]/g, '') + text.slice(match[0].length), frontMatter: true };
}

/** The 1-based line and column of a link's target in its block's lines, the block's first line when not found. */
function locate(
  lines: readonly string[],
  map: [number, number] | null | undefined,
  href: string,
  from: Map<number, number>,
): { line: number; column: number } {
  const [start, end] = map ?? [0, lines.length];
  const find = (first: number, last: number) => {
    for (let i = first; i < last && i < lines.length; i++) {
      const index = lines[i].indexOf(href, from.get(i) ?? 0);
      if (index >= 0) {
        from.set(i, index + href.length);
        return { line: i + 1, column: index + 1 };
      }
    }
    return undefined;
  };
  return find(start, Math.max(end, start + 1)) ?? find(0, lines.length) ?? { line: start + 1, column: 1 };
}

/** Parses a Markdown page as MkDocs builds it, with markdown-it (CommonMark and tables), container blocks dedented. */
export function parsePage(source: string): ParsedPage {
  const { text: body, frontMatter } = withoutFrontMatter(source.replace(/^\uFEFF/, ''));
  const text = unindentContainers(body);
  const lines = text.split('\n');
  // positions are reported in the page as written (container bodies indented)
  const written = body.split('\n');
  const tokens = parser.parse(text, {});
  const headings: PageHeading[] = [];
  const anchors = new Set<string>();
  const links: PageLink[] = [];
  const prose: string[] = [];
  const seen = new Map<number, number>();
  let hasBlocks = false;
  // toc counts ids set by attr_list or raw HTML before it slugifies the headings
  // ids of attr_list are in the tree toc walks (it counts them before it slugifies); raw HTML ids are not, but are on the page
  const attrIds = new Set<string>();
  for (const token of tokens) {
    const htmls =
      token.type === 'html_block' ? [token.content] : (token.children ?? []).filter((c) => c.type === 'html_inline').map((c) => c.content);
    for (const html of htmls) for (const match of html.matchAll(HTML_ID)) anchors.add(match[1] ?? match[2] ?? match[3]);
    if (token.type === 'inline') for (const match of token.content.matchAll(ATTR_ID)) attrIds.add(match[1]);
  }
  for (const id of attrIds) anchors.add(id);
  for (const match of text.matchAll(FOOTNOTE)) {
    anchors.add(`fn:${match[1]}`);
    anchors.add(`fnref:${match[1]}`);
  }
  const pending: Array<{ heading: PageHeading; explicit?: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open') {
      const inline = tokens[i + 1];
      const { text: title, id } = headingAttributes(headingText(inline));
      const heading = { level: Number(token.tag.slice(1)), text: title.trim(), line: (token.map?.[0] ?? 0) + 1, id: id ?? '' };
      if (id) anchors.add(id);
      pending.push({ heading, explicit: id });
      headings.push(heading);
    }
    if (token.type === 'html_block' || token.type === 'fence' || token.type === 'code_block' || token.type === 'table_open')
      hasBlocks ||= !(token.type === 'html_block' && /^\s*<!--[\s\S]*-->\s*$/.test(token.content));
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open' || token.type === 'blockquote_open') hasBlocks = true;
    if (token.type !== 'inline') continue;
    const inHeading = tokens[i - 1]?.type === 'heading_open';
    for (const child of token.children ?? []) {
      if (child.type === 'link_open' || child.type === 'image') {
        const href = String(child.attrGet(child.type === 'image' ? 'src' : 'href') ?? '');
        const raw = rawTarget(lines, token.map, href);
        links.push({ href: raw, ...locate(written, token.map, raw, seen), image: child.type === 'image' });
        if (child.type === 'image') hasBlocks = true;
      }
      if (!inHeading && (child.type === 'text' || child.type === 'code_inline')) prose.push(child.content);
      if (child.type === 'html_inline') hasBlocks ||= !child.content.startsWith('<!--');
    }
  }
  const used = new Set(attrIds);
  for (const { heading, explicit } of pending) if (!explicit) heading.id = unique(slugify(heading.text), used);
  for (const { heading } of pending) anchors.add(heading.id);
  const includes = [...text.matchAll(SNIPPET), ...text.matchAll(JINJA_INCLUDE)].map((m) => m[1]);
  const directives = /^\s*:::\s*\S/m.test(text) || /\{[{%]/.test(text) || includes.length > 0;
  const tabs = /^\s*===\s/m.test(body);
  return {
    frontMatter,
    headings,
    anchors,
    links,
    openAnchors: directives || tabs || /^\s*-{1,}8<-{1,}/m.test(text),
    includes,
    autodoc: /^\s*:::\s*[\w.]/m.test(text),
    prose: prose.join(' ').replace(/\s+/g, ' ').trim(),
    hasBlocks: hasBlocks || directives,
  };
}

/**
 * The target as written in the text: markdown-it normalizes it (percent-encodes spaces and non-ASCII), MkDocs reads
 * it unquoted, so the checks resolve what the author wrote.
 */
function rawTarget(lines: readonly string[], map: [number, number] | null | undefined, normalized: string): string {
  let decoded = normalized;
  try {
    decoded = decodeURI(normalized);
  } catch {
    // a malformed escape: kept as markdown-it gave it
  }
  const [start, end] = map ?? [0, 0];
  const block = lines.slice(start, end).join('\n');
  return block.includes(normalized) || !block.includes(decoded) ? normalized : decoded;
}
