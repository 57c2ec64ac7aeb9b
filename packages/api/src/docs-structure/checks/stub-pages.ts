import { posix } from 'node:path';
import { defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { API_PAGES, docsRelative, docsSite, matchesAny } from '../site';

/** Text that stands for a page not written yet. */
const PLACEHOLDER =
  /^(?:todo|tbd|tba|wip|fixme|xxx|coming soon|placeholder|work in progress|under construction|to be (?:written|done|completed|added)|lorem ipsum\b.*)[.!:…]*(?:\s.*)?$/i;

function run(project: ShipshapeProject): FindingInput[] {
  const site = project.get(docsSite);
  const included = site.included;
  const findings: FindingInput[] = [];
  for (const [file, page] of site.parsed) {
    const relative = docsRelative(site, file);
    if ('error' in page || relative.startsWith(`${API_PAGES}/`) || included.has(file)) continue;
    if (relative.split('/').some((p) => p.startsWith('_')) || matchesAny(relative, site.excluded)) continue;
    // Material's blog plugin fills a blog's index with its posts
    if (posix.basename(relative) === 'index.md' && site.pages.some((p) => p.startsWith(`${posix.dirname(file)}/posts/`))) continue;
    const prose = page.prose;
    const placeholder = prose !== '' && prose.length < 200 && PLACEHOLDER.test(prose);
    const lorem = /\blorem ipsum dolor\b/i.test(prose);
    if (page.hasBlocks && !placeholder && !lorem) continue;
    if (!page.hasBlocks && prose !== '' && !placeholder && !lorem) continue;
    const title = page.headings[0];
    findings.push({
      message: lorem
        ? `${relative} is placeholder text (lorem ipsum)`
        : placeholder
          ? `${relative} is a stub: its text is only "${prose.slice(0, 60)}"`
          : title
            ? `${relative} is a stub: it has a title ("${title.text}") and nothing else`
            : `${relative} is empty`,
      file,
      line: title?.line ?? 0,
      key: 'stub',
    });
  }
  return findings;
}

export default defineCheck({
  id: 'docs/stub-pages',
  title: 'Docs pages have content',
  planItem: 'docs/docs-structure',
  languages: ['typescript', 'python'],
  severity: 'warning',
  requires: [docsSite],
  description:
    'A page of the docs that is empty, only a title, or only a placeholder ("TODO", "Coming soon", lorem ipsum): it is in the site (and often in its menu) and tells the reader nothing. A page whose content another tool writes at build time (mkdocstrings `:::`, snippets, Jinja includes), a snippet another page includes, a `_partial.md`, and the generated API pages are not stubs.',
  run,
});
