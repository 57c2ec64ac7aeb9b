// The docs sites of the docs-structure area's checks.spec.ts (one with one of each problem, whole ones) and the
// architecture page of generators/diagrams/diagrams.spec.ts, which the conformance fixture (conformance.ts) also holds.

const MKDOCS = `# The site of geometry
site_name: geometry
theme:
  name: material
markdown_extensions:
  - admonition
  - attr_list
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_div_format
not_in_nav: |
  drafts/*.md
nav:
  - Home: index.md
  - Tutorials:
      - tutorials/getting-started.md
  - API: api.md
  - FAQ: faq.md
  - Old: old.md  # renamed long ago
  - GitHub: https://github.com/acme/geometry
`;

/** A site with one of each problem the checks find. */
export const PLANTED: Record<string, string> = {
  'libs/geometry/pyproject.toml': '[project]\nname = "geometry"\nversion = "0.1.0"\n',
  'libs/geometry/README.md': '# geometry\n\nShapes and their areas.\n',
  'libs/geometry/src/geometry/__init__.py': '"""Geometry."""\n',
  'libs/geometry/mkdocs.yml': MKDOCS,
  'libs/geometry/docs/index.md': [
    '# geometry',
    '',
    'Start with [the tutorial](tutorials/getting-started.md#install-it), read the [API](api.md), or the [advanced guide](advanced/missing.md).',
    '',
    'See the [changelog](../CHANGELOG.md) and the [readme](../README.md), the [guides](guides/) and [PyPI](https://pypi.org/project/geometry/).',
    '',
    '![logo](img/logo.png) ![missing](img/missing.png)',
    '',
    '!!! tip',
    '    Jump to the [setup](tutorials/getting-started.md#instalation).',
    '',
    '## Why',
    '',
    'See [below](#why) and [nowhere](#nowhere).',
  ].join('\n'),
  'libs/geometry/docs/img/logo.png': 'png',
  'libs/geometry/docs/tutorials/getting-started.md': '# Getting started\n\n## Install it\n\n```sh\npip install geometry\n```\n',
  'libs/geometry/docs/api.md': '# API\n\n::: geometry\n',
  'libs/geometry/docs/faq.md': '# FAQ\n\nTODO\n',
  'libs/geometry/docs/orphan.md': '# Orphan\n\nA page nobody lists.\n',
  'libs/geometry/docs/drafts/next.md': '# Next\n\nDraft text.\n',
  'libs/geometry/docs/_snippets/footer.md': '[back](../index.md)\n',
  'libs/geometry/docs/empty.md': '',
};

/** Sites the checks are quiet on. */
export const QUIET: Record<string, string> = {
  'libs/shapes/package.json': '{ "name": "@acme/shapes", "version": "1.0.0" }\n',
  'libs/shapes/src/index.ts': 'export const square = 4;\n',
  'libs/shapes/mkdocs.yml': 'site_name: shapes\nplugins:\n  - search\n',
  'libs/shapes/docs/index.md':
    '# shapes\n\nSquares. Read the [tutorial](tutorials/index.md#first-steps).\n\n--8<-- "docs/snippets/links.md"\n',
  'libs/shapes/docs/snippets/links.md': '[How-to](how-to/index.md)\n',
  'libs/shapes/docs/tutorials/index.md': '# Tutorials\n\n## First steps\n\nInstall it.\n',
  'libs/shapes/docs/how-to/index.md':
    '# How-to guides\n\n- [Draw a square](#draw-a-square)\n\n## Draw a square {#draw-a-square}\n\nCall `square`.\n',
  'libs/shapes/docs/reference/index.md': '# Reference\n\nThe [API pages](api/index.md) are generated.\n',
  'libs/shapes/docs/explanation/index.md': '# Explanation\n\n=== "One"\n\n    Why squares. See [the tab](#one).\n',
  // a site whose pages a plugin writes at build time
  'libs/generated/pyproject.toml': '[project]\nname = "generated"\n',
  'libs/generated/mkdocs.yml':
    'site_name: generated\nplugins:\n  - gen-files:\n      scripts: [gen.py]\n  - literate-nav\nnav:\n  - index.md\n',
  'libs/generated/docs/index.md': '# Generated\n\nSee the [reference](reference/SUMMARY.md).\n',
  'libs/generated/docs/extra.md': '# Extra\n\nNot in nav: literate-nav builds it.\n',
  // no docs at all: the docs toolchain's finding
  'libs/bare/package.json': '{ "name": "@acme/bare" }\n',
};

/** A page with diagrams between Shipshape's markers: one out of date, one never drawn; CRLF, no final newline. */
export const ARCHITECTURE_PAGE = [
  '# How it is built',
  '',
  'My own introduction, with *my* formatting.  ',
  '',
  '<!-- shipshape:diagram module-graph -->',
  '```mermaid',
  'flowchart LR',
  '  old["out of date"]',
  '```',
  '<!-- /shipshape:diagram -->',
  '',
  'Between the diagrams: my notes.',
  '',
  '<!-- shipshape:diagram project-graph -->',
  '<!-- /shipshape:diagram -->',
  '',
  'The end, without a final newline.',
].join('\r\n');
