import { defineCheck, type ShipshapeProject } from '@shipshape/core';
import { linkProblems } from '../links';

function run(project: ShipshapeProject) {
  return project
    .get(linkProblems)
    .filter((p) => p.kind === 'anchor')
    .map((p) => ({ message: p.message, file: p.file, line: p.line, column: p.column, key: `anchor:${p.href}` }));
}

export default defineCheck({
  id: 'docs/broken-anchors',
  title: 'Links to a section point at a heading the page has',
  planItem: 'docs/docs-structure',
  languages: ['typescript', 'python'],
  severity: 'warning',
  requires: [linkProblems],
  description:
    'A link `page.md#section` (or `#section` on the same page) whose anchor no heading or id of that page has: the reader lands at the top of the page. Headings get the anchors MkDocs\' toc extension gives them (its slugify: accents dropped, punctuation removed, spaces as hyphens, lower case; `_1`, `_2` for repeats; `{#id}` of attr_list), plus raw HTML ids and footnotes. A warning, not an error: MkDocs only notes these (validation.anchors is "info" by default, so --strict passes), and a page whose anchors other tools add at build time (mkdocstrings `:::`, snippets, Jinja, content tabs) is never reported. When toc\'s slugify is replaced in mkdocs.yml, anchors are compared on their letters and digits only.',
  run,
});
