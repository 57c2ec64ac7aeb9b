import { defineCheck, projectFiles, pythonAnalysis, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { autodocIdentifiers, coveredModules, docsDirOf, namedEntries, publicPythonModules, publicTypescriptEntries } from '../layout';
import { docsSetup } from '../setup';

async function run(project: ShipshapeProject): Promise<FindingInput[]> {
  const { mkdocs, typedoc } = project.get(docsSetup);
  const findings: FindingInput[] = [];
  if (typedoc?.data) {
    const listed = new Set(typedoc.data.map((e) => e.replace(/^\.\//, '')));
    const globbed = typedoc.data.some((e) => /[*?{]/.test(e));
    for (const entry of globbed ? [] : publicTypescriptEntries(project))
      if (!listed.has(entry))
        findings.push({
          message: `the public entry ${entry} (package.json exports) is not an entry point of typedoc.json: its symbols have no API page`,
          file: typedoc.file,
          line: 1,
          key: `typedoc-entry:${entry}`,
        });
  }
  if (!mkdocs?.data || !namedEntries(mkdocs.data.plugins).some((p) => p.name === 'mkdocstrings')) return findings;
  const docsDir = project.file(docsDirOf(mkdocs.data));
  const documented = new Set<string>();
  for (const page of project.get(projectFiles).filter((f) => f.file.startsWith(`${docsDir}/`) && f.file.endsWith('.md')))
    for (const id of autodocIdentifiers(project.workspace.source.read(page.file) ?? '')) documented.add(id);
  const analysis = await project.get(pythonAnalysis);
  const modules = publicPythonModules(project);
  const pages = coveredModules(
    documented,
    modules.map((m) => m.name),
  );
  const covered = (module: string) => pages.has(module);
  const byName = new Map(modules.map((m) => [m.name, m]));
  for (const module of modules) {
    if (covered(module.name)) continue;
    const result = analysis.files[module.file];
    if (!result || result.error) continue;
    const names = result.all?.names ?? result.definitions.filter((d) => d.public && d.kind !== 'variable').map((d) => d.name);
    if (names.length === 0) continue; // nothing of its own to show
    // what a documented parent package re-exports is on the parent's page
    if (reexportedByDocumentedParent(module.name, names, byName, analysis.files, covered)) continue;
    findings.push({
      message: `public module ${module.name} has no API page (no "::: ${module.name}" in ${docsDirOf(mkdocs.data)}/): \`nx g @shipshape/api:docs --project=${project.name}\` writes docs/reference/api/${module.name}.md`,
      file: module.file,
      line: 1,
      key: `api-page:${module.name}`,
    });
  }
  return findings;
}

function reexportedByDocumentedParent(
  name: string,
  names: string[],
  modules: Map<string, { file: string }>,
  files: Record<string, { reexports: string[]; all: { names: string[] | null } | null } | undefined>,
  covered: (module: string) => boolean,
): boolean {
  const parts = name.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const parent = parts.slice(0, i).join('.');
    const result = modules.get(parent) && files[modules.get(parent)!.file];
    if (!result || !covered(parent)) continue;
    const exposed = new Set([...(result.all?.names ?? []), ...result.reexports]);
    if (names.every((n) => exposed.has(n))) return true;
  }
  return false;
}

export default defineCheck({
  id: 'docs/api-pages',
  title: 'Public module or entry without an API page',
  planItem: 'docs/api-docs',
  languages: ['typescript', 'python'],
  severity: 'warning',
  fixedBy: '@shipshape/api:docs',
  description:
    'Python, where mkdocs.yml uses mkdocstrings: a public module (no _private part) with public names of its own and no "::: module" page, unless a documented parent package re-exports all of them. TypeScript: an entry of package.json\'s exports map that typedoc.json\'s entryPoints leave out.',
  requires: [docsSetup],
  run,
});
