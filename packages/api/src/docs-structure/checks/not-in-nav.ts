import { posix } from 'node:path';
import { defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { navPaths, shadowedReadme } from '../nav';
import { API_PAGES, docsRelative, docsSite, matchesAny } from '../site';

function run(project: ShipshapeProject): FindingInput[] {
  const site = project.get(docsSite);
  if (!site.config || !site.nav || site.generatedNav) return [];
  const inNav = navPaths(site);
  const included = site.included;
  const findings: FindingInput[] = [];
  for (const file of site.pages) {
    const relative = docsRelative(site, file);
    if (inNav.has(relative) || included.has(file) || shadowedReadme(site, file)) continue;
    if (relative.startsWith(`${API_PAGES}/`) || relative.split('/').some((part) => part.startsWith('_'))) continue;
    if (matchesAny(relative, site.excluded) || matchesAny(relative, site.notInNav)) continue;
    findings.push({
      message: `${relative} is not in the nav of ${posix.basename(site.config)}: the page is built but no menu leads to it (list it in nav, or in not_in_nav if it is on purpose)`,
      file,
      key: 'nav',
    });
  }
  return findings;
}

export default defineCheck({
  id: 'docs/not-in-nav',
  title: 'Every page is in the navigation',
  planItem: 'docs/docs-structure',
  languages: ['typescript', 'python'],
  severity: 'warning',
  requires: [docsSite],
  description:
    'When mkdocs.yml lists the pages in an explicit `nav`, a page of the docs folder that is not in it is built but reachable only by a link or a search (MkDocs notes it as "exist in the docs directory, but are not included in the nav"). Pages listed in `not_in_nav` or `exclude_docs`, snippets other pages include, `_partials`, a README.md beside an index.md and the generated API pages are left out, and so is a site whose nav a plugin builds (literate-nav, awesome-pages, blog).',
  run,
});
