import { posix } from 'node:path';
import { isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import {
  buildOutputs,
  packageJson,
  parseJsonWithComments,
  pythonFiles,
  pythonPackages,
  ShipshapeError,
  type ShipshapeProject,
} from '@shipshape/core';

/**
 * The docs layout, one per project (the contract with the docs-structure and diagrams generators):
 * `<project>/mkdocs.yml` (MkDocs + Material + mkdocstrings, for TS projects too), `<project>/docs/` with the
 * Diátaxis folders, the API pages under `<project>/docs/reference/api/` (Python: one `::: pkg.module` page per
 * public module, committed; TS: written by TypeDoc at build time from `<project>/typedoc.json`, gitignored).
 */
export const MKDOCS_FILE = 'mkdocs.yml';
export const TYPEDOC_FILE = 'typedoc.json';
export const DOCS_DIR = 'docs';
export const API_DIR = 'docs/reference/api';
export const SITE_DIR = 'site';
/** Where the site loads Mermaid from: copied from the workspace's node_modules by the docs target (no CDN). */
export const MERMAID_SCRIPT = 'assets/javascripts/mermaid.min.js';
export const MERMAID_SOURCE = 'mermaid/dist/mermaid.min.js';

/** The tag Material's configs use to name a Python function (`!!python/name:pymdownx.superfences.fence_code_format`). */
const PYTHON_NAME_TAG = 'tag:yaml.org,2002:python/name:';

/**
 * The data of a mkdocs.yml with its Python tags kept as text (`!!python/name:x.y` reads as that string; `!ENV`,
 * `!relative` as their value): yaml's `toJS` would turn an unknown tag into an empty string. A YAML error is one
 * ShipshapeError naming the file, line and column.
 */
export function mkdocsData(text: string, file: string): Record<string, unknown> {
  const document = parseDocument(text);
  const [error] = document.errors;
  if (error) {
    const at = error.linePos?.[0];
    const problem = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ShipshapeError(`invalid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${problem}; mkdocs cannot read it`, file);
  }
  keepPythonTags(document);
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new ShipshapeError('must be a YAML mapping (site_name: ..., theme: ...)', file);
  return data as Record<string, unknown>;
}

function keepPythonTags(document: Document): void {
  visit(document, {
    Scalar(_key, node) {
      if (node.tag?.startsWith(PYTHON_NAME_TAG)) {
        node.value = `!!python/name:${node.tag.slice(PYTHON_NAME_TAG.length)}`;
        node.tag = undefined;
      }
    },
  });
}

/** The names a plugins or markdown_extensions list of mkdocs.yml configures (`- search`, `- mkdocstrings: {...}`), with their options. */
export function namedEntries(value: unknown): Array<{ name: string; options: Record<string, unknown> }> {
  const entries = Array.isArray(value) ? value : isObject(value) ? Object.entries(value).map(([k, v]) => ({ [k]: v })) : [];
  return entries.flatMap((entry: unknown) => {
    if (typeof entry === 'string') return [{ name: entry, options: {} }];
    if (isObject(entry)) {
      const [name, options] = Object.entries(entry)[0] ?? [];
      return name ? [{ name, options: isObject(options) ? options : {} }] : [];
    }
    return [];
  });
}

/** The theme a mkdocs.yml names (`theme: material` or `theme: { name: material }`); undefined for none. */
export function themeName(data: Record<string, unknown>): string | undefined {
  const theme = data.theme;
  if (typeof theme === 'string') return theme;
  if (isObject(theme) && typeof theme.name === 'string') return theme.name;
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The site folder a mkdocs.yml builds into, relative to the project (`site_dir`, default `site`). */
export function siteDirOf(data: Record<string, unknown>): string {
  return typeof data.site_dir === 'string' ? posix.normalize(data.site_dir.replace(/\/+$/, '')) : SITE_DIR;
}

/** The Markdown folder of a mkdocs.yml, relative to the project (`docs_dir`, default `docs`). */
export function docsDirOf(data: Record<string, unknown>): string {
  return typeof data.docs_dir === 'string' ? posix.normalize(data.docs_dir.replace(/\/+$/, '')) : DOCS_DIR;
}

/** The entryPoints of a typedoc.json (JSONC), project-relative as written. */
export function typedocEntries(text: string, file: string): string[] {
  const data = parseJsonWithComments<Record<string, unknown>>(text, file);
  if (!isObject(data)) throw new ShipshapeError('must be a JSON object of TypeDoc options', file);
  const entries = data.entryPoints;
  if (entries === undefined) return [];
  if (!Array.isArray(entries) || entries.some((e) => typeof e !== 'string'))
    throw new ShipshapeError('"entryPoints" must be a list of paths', file);
  return entries as string[];
}

const INTERNAL_SUBPATH = /(^|\/)(_|internals?(\/|$)|[^/]*do-not-import)/;
const TS_SOURCE = /\.(?:[cm]?tsx?)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/**
 * The TypeScript sources of the package's public entries, project-relative, in the order package.json lists
 * them: the `exports` map's subpaths (main/module/types when there is no exports map), each mapped to the source
 * its build compiles; bins and patterns left out. This is what typedoc.json's entryPoints are.
 */
export function publicTypescriptEntries(project: ShipshapeProject): string[] {
  const manifest = project.get(packageJson);
  if (!manifest) return [];
  const entries = project.get(buildOutputs).entries;
  const hasExports = entries.some((e) => e.field[0] === 'exports');
  const seen = new Set<string>();
  for (const entry of entries) {
    if (hasExports ? entry.field[0] !== 'exports' : !['main', 'module', 'types', 'typings'].includes(String(entry.field[0]))) continue;
    if (entry.pattern || entry.kind === 'other' || entry.subpath?.endsWith('package.json')) continue;
    // a subpath that says it is not API (`./internal`, `./_assert`, trpc's `./unstable-core-do-not-import`)
    if (entry.subpath && INTERNAL_SUBPATH.test(entry.subpath)) continue;
    const source = entry.source;
    if (!source || !TS_SOURCE.test(source) || DECLARATION.test(source)) continue;
    if (!project.workspace.source.isFile(source)) continue;
    seen.add(posix.relative(project.root === '.' ? '' : project.root, source));
  }
  return [...seen];
}

/** A public Python module: its dotted name and its file (workspace-relative). */
export interface PublicModule {
  name: string;
  file: string;
}

const TEST_PARTS = new Set(['tests', 'test', 'testing', 'conftest.py', '__main__.py']);

/**
 * The public modules of a Python project: every module of its import packages whose dotted path has no
 * `_private` part (a package is its `__init__.py`); test folders, `__main__` and `conftest` left out.
 */
export function publicPythonModules(project: ShipshapeProject): PublicModule[] {
  const packages = project.get(pythonPackages);
  const files = project.get(pythonFiles);
  const modules: PublicModule[] = [];
  for (const folder of packages.folders) {
    const base = posix.dirname(folder);
    for (const file of files) {
      if (!file.startsWith(`${folder}/`)) continue;
      const parts = posix.relative(base, file).slice(0, -'.py'.length).split('/');
      if (parts[parts.length - 1] === '__init__') parts.pop();
      if (parts.some((part) => TEST_PARTS.has(part) || TEST_PARTS.has(`${part}.py`) || part.startsWith('_') || part.startsWith('test_')))
        continue;
      if (parts.some((part) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(part))) continue;
      modules.push({ name: parts.join('.'), file });
    }
  }
  return modules.sort((a, b) => a.name.localeCompare(b.name));
}

/** The import paths the project's mkdocstrings handler is given (`paths: [src]`): the folder its packages are in. */
export function pythonSourcePaths(project: ShipshapeProject): string[] {
  const packages = project.get(pythonPackages);
  const dirs = new Set(
    packages.folders.map((folder) => posix.relative(project.root === '.' ? '' : project.root, posix.dirname(folder)) || '.'),
  );
  return dirs.size ? [...dirs].sort() : ['.'];
}

/** The `::: identifier` lines of a Markdown page (mkdocstrings' autodoc syntax). */
export function autodocIdentifiers(markdown: string): string[] {
  return [...markdown.matchAll(/^(?:#{1,6}[ \t]*)?:::[ \t]*([A-Za-z_][\w.]*)[ \t]*$/gm)].map((m) => m[1]);
}

/** A mapping read with keys in order, for messages that point at a key's line. */
export function yamlLineOf(text: string, key: string): number {
  const document = parseDocument(text);
  if (!isMap(document.contents)) return 1;
  const pair = document.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  const offset = (pair?.key as { range?: [number] } | undefined)?.range?.[0];
  return offset === undefined ? 1 : text.slice(0, offset).split('\n').length;
}

/**
 * The modules pages render: each `::: id` renders the module it names, or a member of the longest module name
 * it starts with (`::: pkg.sub.Class` documents pkg.sub, not pkg).
 */
export function coveredModules(identifiers: Iterable<string>, modules: readonly string[]): Set<string> {
  const byLength = [...modules].sort((a, b) => b.length - a.length);
  const covered = new Set<string>();
  for (const id of identifiers) {
    const module = byLength.find((m) => id === m || id.startsWith(`${m}.`));
    if (module) covered.add(module);
  }
  return covered;
}
