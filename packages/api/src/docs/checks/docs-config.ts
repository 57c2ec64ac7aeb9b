import { existsSync } from 'node:fs';
import { defineCheck, locateYaml, projectFiles, pythonInterpreter, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { docsDirOf, namedEntries, themeName, yamlLineOf } from '../layout';
import { BUILTIN_PLUGINS, BUILTIN_THEMES, distributionOf, probeMkdocs } from '../probe';
import { docsSetup } from '../setup';

const SYSTEM_PYTHON = '/usr/bin/python3';

async function run(project: ShipshapeProject): Promise<FindingInput[]> {
  const setup = project.get(docsSetup);
  const findings: FindingInput[] = [];
  const { mkdocs, typedoc } = setup;
  if (typedoc?.error)
    findings.push({ message: `${typedoc.error}: TypeDoc cannot read it`, file: typedoc.file, line: 1, key: 'typedoc-unreadable' });
  for (const entry of typedoc?.data ?? []) {
    if (/[*?{]/.test(entry)) continue; // a glob is expanded by TypeDoc
    const path = project.file(entry.replace(/^\.\//, ''));
    if (!project.workspace.source.isFile(path) && !project.workspace.source.isFile(`${path}/index.ts`))
      findings.push({
        message: `TypeDoc entry point "${entry}" does not exist: the docs build fails (\`nx g @shipshape/api:docs\` writes the entries from the exports map)`,
        file: typedoc!.file,
        line: lineOf(typedoc!.text, entry),
        key: `typedoc-entry:${entry}`,
      });
  }
  if (!mkdocs) return findings;
  if (mkdocs.error || !mkdocs.data) {
    const at = /at line (\d+), column (\d+)/.exec(mkdocs.error ?? '');
    findings.push({
      message: `${mkdocs.error}`,
      file: mkdocs.file,
      line: at ? Number(at[1]) : 1,
      column: at ? Number(at[2]) : undefined,
      key: 'mkdocs-unreadable',
    });
    return findings;
  }
  const data = mkdocs.data;
  const docsDir = docsDirOf(data);
  const listed = hasFileUnder(project, project.file(docsDir));
  if (!listed)
    findings.push({
      message: `docs_dir "${docsDir}" has no Markdown page: mkdocs build stops ("isn't an existing directory") or builds an empty site`,
      file: mkdocs.file,
      line: data.docs_dir === undefined ? 1 : yamlLineOf(mkdocs.text, 'docs_dir'),
      key: 'docs-dir',
    });
  for (const page of project
    .get(projectFiles)
    .filter((f) => f.file.startsWith(`${project.file(docsDir)}/`) && /\.(md|markdown)$/.test(f.file))) {
    const problem = notUtf8(project.workspace.source.readBytes(page.file));
    if (problem)
      findings.push({
        message: `${problem}: mkdocs reads Markdown as UTF-8 and stops; save it as UTF-8`,
        file: page.file,
        line: 1,
        key: `encoding:${page.file}`,
      });
  }
  // what is installed is asked of the Python that builds the docs; no Python: nothing can be said
  let python: string;
  try {
    python = await project.get(pythonInterpreter);
  } catch {
    return findings;
  }
  // `!!python/name:module.function` tags: mkdocs imports those modules while it reads the config
  const tagged = [
    ...new Set(
      pythonNames(data)
        .map((name) => name.slice(0, name.lastIndexOf('.')))
        .filter(Boolean),
    ),
  ];
  const extensionNames = [...namedEntries(data.markdown_extensions).map((e) => e.name), ...tagged.filter((m) => m.includes('.'))];
  let installed = await probeMkdocs(python, extensionNames);
  // the docs target falls back to Debian's /usr/bin/python3 (its MkDocs is visible to it alone) when no Python is named
  if (!installed.mkdocs && !project.workspace.options.python && !process.env.SHIPSHAPE_PYTHON && existsSync(SYSTEM_PYTHON)) {
    const system = await probeMkdocs(SYSTEM_PYTHON, extensionNames);
    if (system.mkdocs) installed = system;
  }
  python = installed.python;
  if (!installed.mkdocs) {
    findings.push({
      message: `mkdocs is not installed for ${python}: the docs cannot be built here; install it with: pip install mkdocs mkdocs-material "mkdocstrings[python]"`,
      file: mkdocs.file,
      line: 1,
      severity: 'warning',
      key: 'mkdocs-missing',
    });
    return findings;
  }
  const missing = (kind: 'theme' | 'plugin' | 'extension', name: string, path: (string | number)[]) => {
    const distribution = distributionOf(kind, name);
    const at = locateYaml(mkdocs.text, path);
    findings.push({
      message: `the ${kind} "${name}" is not installed for ${python}: mkdocs build fails here ("unrecognised ${kind}"); install ${distribution ? `it with: pip install ${distribution}` : 'the distribution that provides it'}`,
      file: mkdocs.file,
      line: at?.line ?? 1,
      column: at?.column,
      severity: 'warning',
      key: `${kind}:${name}`,
    });
  };
  const theme = themeName(data);
  if (theme && !BUILTIN_THEMES.has(theme) && !installed.themes.includes(theme)) missing('theme', theme, ['theme']);
  namedEntries(data.plugins).forEach(({ name }, index) => {
    if (!BUILTIN_PLUGINS.has(name) && !installed.plugins.includes(name))
      missing('plugin', name, entryPath('plugins', data.plugins, name, index));
  });
  for (const module of tagged.filter((m) => installed.missingExtensions.includes(m))) {
    const index = mkdocs.text.indexOf(`!!python/name:${module}.`);
    const top = module.split('.')[0];
    const distribution = top === 'material' ? 'mkdocs-material (9.x)' : top === 'pymdownx' ? 'pymdown-extensions' : undefined;
    findings.push({
      message: `"!!python/name:${module}..." names a module ${python} does not have: mkdocs stops while reading the config; install ${distribution ? `it with: pip install ${distribution}` : 'the distribution that provides it'}`,
      file: mkdocs.file,
      line: index < 0 ? 1 : mkdocs.text.slice(0, index).split('\n').length,
      severity: 'warning',
      key: `python-name:${module}`,
    });
  }
  const extensions = namedEntries(data.markdown_extensions);
  extensions.forEach(({ name }, index) => {
    if (installed.missingExtensions.includes(name))
      missing('extension', name, entryPath('markdown_extensions', data.markdown_extensions, name, index));
  });
  return findings;
}

function hasFileUnder(project: ShipshapeProject, folder: string): boolean {
  return project.get(projectFiles).some((f) => f.file.startsWith(`${folder}/`) && /\.(md|markdown)$/.test(f.file));
}

/** Why these bytes are not UTF-8 text (the first bad byte's offset), or undefined when they are. */
export function notUtf8(bytes: Buffer | undefined): string | undefined {
  if (!bytes) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    const text = bytes.toString('utf8');
    const bad = text.indexOf('\uFFFD');
    const offset = bad < 0 ? 0 : Buffer.byteLength(text.slice(0, bad));
    return `is not UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0') ?? '??'} at offset ${offset})`;
  }
}

/** Every `!!python/name:x.y` value of the config (mkdocsData keeps them as that text), without the tag. */
function pythonNames(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('!!python/name:') ? [value.slice('!!python/name:'.length)] : [];
  if (Array.isArray(value)) return value.flatMap(pythonNames);
  if (value && typeof value === 'object') return Object.values(value).flatMap(pythonNames);
  return [];
}

/** Where a plugins / markdown_extensions entry is written: its list item, or its key in a mapping. */
function entryPath(key: string, value: unknown, name: string, index: number): (string | number)[] {
  return Array.isArray(value) ? [key, index] : [key, name];
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(JSON.stringify(needle));
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

export default defineCheck({
  id: 'docs/docs-config',
  title: 'Docs config that cannot build',
  planItem: 'docs/docs-site',
  languages: ['typescript', 'python'],
  severity: 'error',
  fixedBy: '@shipshape/api:docs',
  description:
    'Read statically, without building: a mkdocs.yml that is not valid YAML, a docs_dir without pages, a typedoc.json that cannot be read or names an entry point that does not exist (errors: the build fails); a theme, plugin or Markdown extension that the Python building the docs does not have (warnings: install it).',
  requires: [docsSetup],
  run,
});
