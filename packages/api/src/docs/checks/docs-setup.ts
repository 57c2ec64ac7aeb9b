import { defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { publicPythonModules, publicTypescriptEntries } from '../layout';
import { docsSetup, workspaceDocs } from '../setup';

function run(project: ShipshapeProject): FindingInput[] {
  const setup = project.get(docsSetup);
  if (setup.mkdocs || setup.typedoc || setup.other || workspaceDocs(project)) return [];
  const python = !project.workspace.source.isFile(project.file('package.json'));
  // a library: something public to document (an exports entry, a public Python module)
  const library = python ? publicPythonModules(project).length > 0 : publicTypescriptEntries(project).length > 0;
  if (!library) return [];
  return [
    {
      message: python
        ? `no docs site is set up (no mkdocs.yml): \`nx g @shipshape/api:docs --project=${project.name}\` writes mkdocs.yml (Material, mkdocstrings) and an API page per public module`
        : `no docs site is set up (no typedoc.json, no mkdocs.yml): \`nx g @shipshape/api:docs --project=${project.name}\` writes typedoc.json (entries from the exports map) and mkdocs.yml`,
      file: project.file(python ? 'pyproject.toml' : 'package.json'),
      line: 1,
      key: 'no-docs-setup',
    },
  ];
}

export default defineCheck({
  id: 'docs/docs-setup',
  title: 'Library without a docs site',
  planItem: 'docs/docs-site',
  languages: ['typescript', 'python'],
  severity: 'info',
  fixedBy: '@shipshape/api:docs',
  description:
    'A library has no docs toolchain: no typedoc.json or mkdocs.yml (nor Sphinx, Docusaurus, VitePress, a TypeDoc JS config, or a workspace-wide site). The docs generator sets up TypeDoc (TS, entries from the exports map, Markdown output) and MkDocs with Material and mkdocstrings, built by the inferred docs target.',
  requires: [docsSetup],
  run,
});
