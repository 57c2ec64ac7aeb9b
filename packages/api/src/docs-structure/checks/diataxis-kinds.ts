import { defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { indexPage, KIND_TITLES, KINDS, kindsPresent } from '../kinds';
import { docsSite, hasDocs } from '../site';

function run(project: ShipshapeProject): FindingInput[] {
  const site = project.get(docsSite);
  if (!hasDocs(site)) return []; // no docs at all: the docs toolchain's finding
  const file = site.config ?? indexPage(site) ?? site.pages[0];
  const findings: FindingInput[] = [];
  if (!indexPage(site))
    findings.push({
      message: `the docs have no index page (${site.docsDir}/index.md): ${site.config ? "the site's home page is empty" : 'readers have no page to start from'}`,
      file,
      key: 'index',
      severity: site.config ? 'warning' : 'info',
    });
  const present = kindsPresent(site);
  for (const kind of KINDS.filter((k) => !present.has(k)))
    findings.push({
      message: `the docs have no ${KIND_TITLES[kind].toLowerCase()} (Diátaxis): no ${site.docsDir}/${kind}/ folder, nor a page or nav section of that kind`,
      file,
      key: `kind:${kind}`,
    });
  return findings;
}

export default defineCheck({
  id: 'docs/diataxis-kinds',
  title: 'The docs have an index and the four Diátaxis kinds',
  planItem: 'docs/docs-structure',
  languages: ['typescript', 'python'],
  severity: 'info',
  fixedBy: '@shipshape/api:docs-structure',
  requires: [docsSite],
  description:
    "Docs organized as Diátaxis describes them serve four needs apart: tutorials (learning), how-to guides (a task), reference (the API, the options) and explanation (why, the architecture), with an index page to start from. A kind is found by its folder, file name or nav title under any usual name (getting-started, quickstart, guides, recipes, api, concepts, architecture…), and mkdocstrings `:::` pages are reference. A convention, so `info`; a site with no index page (its home page is empty) is a `warning`. Projects with no docs at all are the docs toolchain's finding, not this one's. The docs-structure generator scaffolds the missing kinds without touching the pages you wrote.",
  run,
});
