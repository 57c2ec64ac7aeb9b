import { defineCheck, type ShipshapeProject } from '@shipshape/core';
import { linkProblems } from '../links';

function run(project: ShipshapeProject) {
  return project
    .get(linkProblems)
    .filter((p) => p.kind === 'file')
    .map((p) => ({ message: p.message, file: p.file, line: p.line, column: p.column, key: `link:${p.href}` }));
}

export default defineCheck({
  id: 'docs/broken-links',
  title: 'Links between the docs pages lead to pages that exist',
  planItem: 'docs/docs-structure',
  languages: ['typescript', 'python'],
  severity: 'error',
  requires: [linkProblems],
  description:
    'A relative link of a docs page (or an entry of mkdocs.yml\'s nav) whose target file is not in the docs folder: the built site links to nothing, and `mkdocs build --strict` fails on it ("not found among documentation files"), so this is an error. Pages are parsed with markdown-it (admonition and tab bodies included); links are resolved as MkDocs resolves them: relative to the page, only those whose last segment names a file (`guide.md`, `img/a.png`), URLs and absolute paths left alone. A file outside the docs folder is not published either. When a plugin or hook writes pages at build time (gen-files, blog, hooks), a missing target may be one of them and is not reported; neither is a link into the generated API pages before they are built.',
  run,
});
