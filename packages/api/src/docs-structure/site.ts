import { posix } from 'node:path';
import { defineFact, decodeSource, matchesGlob, projectFiles, ShipshapeError, type ShipshapeProject } from '@shipshape/core';
import { parseDocument } from 'yaml';
import { parsePage, type ParsedPage } from './markdown';

/** The config files MkDocs reads by default, in its order. */
export const MKDOCS_FILES = ['mkdocs.yml', 'mkdocs.yaml'];

/** Where the generated API pages go (the docs toolchain's, not this area's): never a stub, maybe absent from the nav. */
export const API_PAGES = 'reference/api';

/** Plugins that add or arrange pages at build time: which pages exist, or the nav, is not all in the files. */
const PAGE_MAKERS = ['gen-files', 'mkdocs-gen-files', 'blog', 'monorepo', 'multirepo', 'mkdocs-jupyter', 'techdocs-core'];
const NAV_MAKERS = [
  'literate-nav',
  'awesome-pages',
  'mkdocs-awesome-pages-plugin',
  'section-index',
  'monorepo',
  'multirepo',
  'blog',
  'techdocs-core',
];

/** A page of the nav: its docs-relative path, or undefined for a link out. */
export interface NavPage {
  path: string;
  title?: string;
}

/** A project's MkDocs site as the docs checks read it. */
export interface DocsSite {
  /** Workspace-relative mkdocs.yml, when there is one. */
  config?: string;
  /** Workspace-relative docs folder (mkdocs.yml's docs_dir, `docs` by default). */
  docsDir: string;
  /** Workspace-relative Markdown pages of the docs folder, sorted. */
  pages: string[];
  /** The explicit nav of mkdocs.yml (pages in it, in order); undefined when MkDocs builds the nav from the folders. */
  nav?: NavPage[];
  /** Every title of the explicit nav, sections' included. */
  navTitles: string[];
  /** Plugin names of mkdocs.yml. */
  plugins: string[];
  /** Plugins or hooks add pages at build time: a missing page may exist on the built site. */
  generatedPages: boolean;
  /** Plugins arrange the nav (literate-nav, awesome-pages…): mkdocs.yml's nav is not the whole of it. */
  generatedNav: boolean;
  /** toc's slugify is replaced: anchors are compared loosely. */
  customSlugify: boolean;
  /** Docs-relative paths the redirects plugin maps from (old pages that still resolve). */
  redirects: Set<string>;
  /** Docs-relative patterns of `exclude_docs` and `not_in_nav`. */
  excluded: string[];
  notInNav: string[];
  /** Pages other pages pull in by snippets or includes (parts of pages, read in the including page's place). */
  included: Set<string>;
  /** Each page parsed (workspace-relative path), or why it could not be read. */
  parsed: Map<string, ParsedPage | { error: string }>;
}

function namesIn(value: unknown): string[] {
  if (!Array.isArray(value)) return value && typeof value === 'object' ? Object.keys(value) : [];
  return value.flatMap((entry: unknown) =>
    typeof entry === 'string' ? [entry] : entry && typeof entry === 'object' ? Object.keys(entry) : [],
  );
}

/** The pages of an explicit nav, with their titles; links out (with a scheme or absolute) left out. */
export function navPages(nav: unknown): NavPage[] {
  const pages: NavPage[] = [];
  const visit = (entry: unknown, title?: string) => {
    if (typeof entry === 'string') {
      if (!/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(entry)) pages.push({ path: posix.normalize(entry.replace(/^\.\//, '')), title });
    } else if (Array.isArray(entry)) for (const item of entry) visit(item, title);
    else if (entry && typeof entry === 'object') for (const [key, value] of Object.entries(entry)) visit(value, key);
  };
  visit(nav);
  return pages;
}

/** Every key of the nav's entries: page and section titles. */
function navTitles(nav: unknown): string[] {
  if (Array.isArray(nav)) return nav.flatMap(navTitles);
  if (nav && typeof nav === 'object') return Object.entries(nav).flatMap(([key, value]) => [key, ...navTitles(value)]);
  return [];
}

/** Gitignore-like lines (`exclude_docs`, `not_in_nav`) as globs relative to the docs folder. */
function patternLines(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'))
    .flatMap((line) => {
      const anchored = line.startsWith('/');
      const body = line.replace(/^\//, '').replace(/\/$/, '/**');
      return anchored || body.includes('/') ? [body] : [body, `**/${body}`];
    });
}

export function matchesAny(relative: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesGlob(relative, pattern) || matchesGlob(relative, `${pattern}/**`));
}

/** Pages another page pulls in (snippets, include directives): parts of pages, not pages of the nav. */
export function includedPages(site: Pick<DocsSite, 'parsed' | 'pages' | 'docsDir'>, root = '.'): Set<string> {
  const included = new Set<string>();
  const pages = new Set(site.pages);
  for (const [file, page] of site.parsed) {
    if ('error' in page) continue;
    for (const path of page.includes) {
      const clean = path.replace(/^\.\//, '');
      // snippets resolve against their base paths (the project root, the docs folder), includes against the page
      const candidates = [
        posix.normalize(posix.join(posix.dirname(file), clean)),
        posix.join(site.docsDir, clean),
        posix.normalize(posix.join(root, clean)),
      ];
      for (const candidate of candidates) if (pages.has(candidate)) included.add(candidate);
      for (const page of site.pages) if (page.endsWith(`/${clean}`)) included.add(page);
    }
  }
  return included;
}

/** Whether the project has docs of its own: an mkdocs.yml, or Markdown pages in its docs folder. */
export function hasDocs(site: DocsSite): boolean {
  return site.config !== undefined || site.pages.length > 0;
}

/** The docs-relative path of a workspace-relative page. */
export function docsRelative(site: DocsSite, file: string): string {
  return posix.relative(site.docsDir, file);
}

/** A mkdocs.yml's data as MkDocs (PyYAML) reads it: repeated keys allowed (the last wins), Python tags kept as text. */
function readYaml(text: string, file: string): Record<string, unknown> {
  const document = parseDocument(text, { uniqueKeys: false });
  const [error] = document.errors;
  if (error) {
    const at = error.linePos?.[0];
    throw new ShipshapeError(
      `invalid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      file,
    );
  }
  const data: unknown = document.toJS({ maxAliasCount: 1000 });
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

function readText(project: ShipshapeProject, file: string): string {
  const decoded = decodeSource(project.workspace.source.readBytes(file));
  if (decoded.error !== undefined) throw new ShipshapeError(decoded.error, file);
  return decoded.text;
}

/** mkdocs.yml with what it INHERITs merged under it (MkDocs merges mappings key by key, the child winning). */
function readConfig(project: ShipshapeProject): { file?: string; data: Record<string, unknown> } {
  const { source } = project.workspace;
  const file = MKDOCS_FILES.map((name) => project.file(name)).find((path) => source.isFile(path));
  if (!file) return { data: {} };
  const merge = (parent: Record<string, unknown>, child: Record<string, unknown>): Record<string, unknown> => {
    const merged: Record<string, unknown> = { ...parent };
    for (const [key, value] of Object.entries(child)) {
      const base = merged[key];
      const mergeable = (v: unknown) => v && typeof v === 'object' && !Array.isArray(v);
      merged[key] = mergeable(base) && mergeable(value) ? merge(base as Record<string, unknown>, value as Record<string, unknown>) : value;
    }
    return merged;
  };
  const load = (path: string, depth: number): Record<string, unknown> => {
    const data = readYaml(readText(project, path), path);
    if (typeof data.INHERIT !== 'string' || depth > 5) return data;
    const parent = posix.normalize(posix.join(posix.dirname(path), data.INHERIT));
    if (!source.isFile(parent)) throw new ShipshapeError(`INHERIT names ${parent}, which does not exist`, path);
    return merge(load(parent, depth + 1), data);
  };
  return { file, data: load(file, 0) };
}

/** The project's docs site: mkdocs.yml (when there is one), its docs folder and pages, each page parsed once. */
export const docsSite = defineFact({
  id: 'docs-structure/site',
  inputs: [projectFiles],
  compute: (project, files): DocsSite => {
    const { file: config, data } = readConfig(project);
    const dir = typeof data.docs_dir === 'string' ? data.docs_dir.replace(/^\.\//, '').replace(/\/+$/, '') : 'docs';
    const docsDir = posix.normalize(posix.join(config ? posix.dirname(config) : project.root, dir));
    const pages = files
      .map((f) => f.file)
      .filter((f) => f.startsWith(`${docsDir}/`) && /\.(md|markdown)$/i.test(f))
      .filter(
        (f) =>
          !docsRelative({ docsDir } as DocsSite, f)
            .split('/')
            .some((part) => part.startsWith('.')),
      )
      .sort();
    const plugins = namesIn(data.plugins);
    const extensions = data.markdown_extensions;
    const toc = Array.isArray(extensions)
      ? extensions.find((e: unknown): e is Record<string, unknown> => !!e && typeof e === 'object' && 'toc' in e)?.toc
      : extensions && typeof extensions === 'object'
        ? (extensions as Record<string, unknown>).toc
        : undefined;
    const redirectMaps = (Array.isArray(data.plugins) ? data.plugins : [data.plugins]).flatMap((p: unknown) => {
      const maps = p && typeof p === 'object' ? ((p as Record<string, { redirect_maps?: unknown }>).redirects?.redirect_maps ?? {}) : {};
      return maps && typeof maps === 'object' ? Object.keys(maps) : [];
    });
    const { source } = project.workspace;
    const parsed = new Map<string, ParsedPage | { error: string }>();
    for (const page of pages) {
      const decoded = decodeSource(source.readBytes(page));
      parsed.set(page, decoded.error !== undefined ? { error: decoded.error } : parsePage(decoded.text));
    }
    const included = includedPages({ parsed, pages, docsDir }, project.root);
    return {
      included,
      config,
      docsDir,
      pages,
      nav: Array.isArray(data.nav) ? navPages(data.nav) : undefined,
      navTitles: navTitles(data.nav),
      plugins,
      generatedPages: plugins.some((p) => PAGE_MAKERS.includes(p)) || data.hooks !== undefined,
      generatedNav: plugins.some((p) => NAV_MAKERS.includes(p)),
      customSlugify: !!toc && typeof toc === 'object' && 'slugify' in toc,
      redirects: new Set(redirectMaps.map((p) => posix.normalize(p))),
      excluded: patternLines(data.exclude_docs),
      notInNav: patternLines(data.not_in_nav),
      parsed,
    };
  },
});
