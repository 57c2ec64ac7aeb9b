import { posix } from 'node:path';
import { slugify } from './markdown';
import { docsRelative, type DocsSite } from './site';

/** The four kinds of documentation of Diátaxis (tutorials, how-to guides, reference, explanation). */
export const KINDS = ['tutorials', 'how-to', 'reference', 'explanation'] as const;
export type DocsKind = (typeof KINDS)[number];

export const KIND_TITLES: Record<DocsKind, string> = {
  tutorials: 'Tutorials',
  'how-to': 'How-to guides',
  reference: 'Reference',
  explanation: 'Explanation',
};

/** Folder, file and nav-title words that say a page is of a kind, however a project names it. */
const KIND_WORDS: Record<DocsKind, RegExp> = {
  tutorials: /^(tutorials?|getting-started|get-started|quick-?start|first-steps|learn|walkthroughs?|introduction|intro)$/,
  'how-to':
    /^(how-?tos?|how-to-guides?|guides?|user-guide|recipes?|cookbook|usage|advanced|examples?|topics?|deployment|deploying|installation|troubleshooting|integrations?)$/,
  reference: /^(reference|references|api|api-reference|api-docs|apidocs|cli|commands|configuration|config|settings|options)$/,
  explanation:
    /^(explanations?|concepts?|background|architecture|design|discussions?|internals|how-it-works|under-the-hood|philosophy|rationale|about)$/,
};

/** The index page MkDocs makes the home page: `index.md`, else `README.md`, at the top of the docs folder. */
export function indexPage(site: DocsSite): string | undefined {
  return ['index.md', 'README.md', 'readme.md'].map((name) => posix.join(site.docsDir, name)).find((path) => site.pages.includes(path));
}

/** The kinds the docs have: by their folders, file names and nav titles; mkdocstrings pages are reference. */
export function kindsPresent(site: DocsSite): Set<DocsKind> {
  const words = new Set<string>();
  for (const page of site.pages) {
    for (const part of docsRelative(site, page)
      .replace(/\.(md|markdown)$/i, '')
      .split('/'))
      words.add(slugify(part.replace(/_/g, '-')));
  }
  for (const entry of site.nav ?? []) if (entry.title) words.add(slugify(entry.title));
  const present = new Set<DocsKind>();
  for (const kind of KINDS) if ([...words].some((w) => KIND_WORDS[kind].test(w))) present.add(kind);
  for (const page of site.parsed.values()) if (!('error' in page) && page.autodoc) present.add('reference');
  // gen-files and the like write the API reference at build time, as a rule
  if (site.generatedPages) present.add('reference');
  return present;
}
