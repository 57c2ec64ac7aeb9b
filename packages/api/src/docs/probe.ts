import { runProcess } from '@shipshape/core';

/** What the Python that builds the docs has installed of MkDocs: read from its entry points, nothing imported but importlib. */
export interface MkdocsInstallation {
  /** The interpreter asked. */
  python: string;
  /** mkdocs' version; null when it is not installed. */
  mkdocs: string | null;
  /** Installed theme names (`mkdocs.themes` entry points: mkdocs, readthedocs, material). */
  themes: string[];
  /** Installed plugin names (`mkdocs.plugins` entry points), `material/search` style names included. */
  plugins: string[];
  /** Of the Markdown extensions asked about, those that cannot be found. */
  missingExtensions: string[];
}

const PROBE = `
import json, sys
from importlib import metadata, util
def eps(group):
    try:
        found = metadata.entry_points()
        found = found.select(group=group) if hasattr(found, "select") else found.get(group, [])
        return sorted({e.name for e in found})
    except Exception:
        return []
try:
    version = metadata.version("mkdocs")
except Exception:
    version = None
themes, plugins = eps("mkdocs.themes"), eps("mkdocs.plugins")
if version:
    # MkDocs' own lists: they see what a distribution's patches add (Debian's Material lives in /usr/share/mkdocs/themes)
    try:
        from mkdocs import utils
        themes = sorted(set(themes) | set(utils.get_theme_names()))
    except Exception:
        pass
    try:
        from mkdocs import plugins as mp
        plugins = sorted(set(plugins) | set(mp.get_plugins()))
    except Exception:
        pass
missing = []
for name in sys.argv[1:]:
    candidates = [name] if "." in name else ["markdown.extensions." + name, name]
    ok = False
    for candidate in candidates:
        try:
            ok = util.find_spec(candidate) is not None
        except Exception:
            ok = False
        if ok:
            break
    if not ok:
        missing.append(name)
print(json.dumps({"mkdocs": version, "themes": themes, "plugins": plugins, "missing": missing}))
`;

/** Asks `python` what it has installed of MkDocs, its themes and plugins, and which of `extensions` it lacks. */
export async function probeMkdocs(python: string, extensions: readonly string[]): Promise<MkdocsInstallation> {
  const run = await runProcess(python, ['-c', PROBE, ...extensions], { timeoutMs: 30_000 });
  if (run.code !== 0)
    throw new Error(`${python} could not list its MkDocs plugins: ${run.stderr.trim().split('\n').pop() ?? `exit ${run.code}`}`);
  const data = JSON.parse(run.stdout) as { mkdocs: string | null; themes: string[]; plugins: string[]; missing: string[] };
  return { python, mkdocs: data.mkdocs, themes: data.themes, plugins: data.plugins, missingExtensions: data.missing };
}

/** Distributions whose name is not `mkdocs-<plugin>` / the extension's top module. */
const KNOWN: Record<string, string> = {
  'plugin:mkdocstrings': 'mkdocstrings[python]',
  'plugin:markdown-exec': 'markdown-exec',
  'plugin:minify': 'mkdocs-minify-plugin',
  'plugin:git-revision-date-localized': 'mkdocs-git-revision-date-localized-plugin',
  'plugin:git-revision-date': 'mkdocs-git-revision-date-plugin',
  'plugin:gen-files': 'mkdocs-gen-files',
  'plugin:literate-nav': 'mkdocs-literate-nav',
  'plugin:awesome-pages': 'mkdocs-awesome-pages-plugin',
  'plugin:redirects': 'mkdocs-redirects',
  'plugin:macros': 'mkdocs-macros-plugin',
  'plugin:include-markdown': 'mkdocs-include-markdown-plugin',
  'extension:callouts': 'markdown-callouts',
  'extension:github-callouts': 'markdown-callouts',
  'extension:mkautodoc': 'mkautodoc',
  'extension:markdown_include.include': 'markdown-include',
  'extension:mdx_truly_sane_lists': 'mdx-truly-sane-lists',
};

/** Material's own plugins (9.x; 8.2 has search and tags only): installed with mkdocs-material. */
const MATERIAL_PLUGINS = new Set([
  'blog',
  'group',
  'info',
  'meta',
  'offline',
  'optimize',
  'privacy',
  'projects',
  'social',
  'tags',
  'typeset',
]);

/** The pip distribution that provides a theme, plugin or Markdown extension, for install messages; undefined when not known. */
export function distributionOf(kind: 'theme' | 'plugin' | 'extension', name: string): string | undefined {
  const top = name.split(/[./]/)[0];
  if (KNOWN[`${kind}:${name}`]) return KNOWN[`${kind}:${name}`];
  if (kind === 'theme') return name === 'material' ? 'mkdocs-material' : undefined;
  if (kind === 'plugin') {
    if (top === 'material' || MATERIAL_PLUGINS.has(name)) return 'mkdocs-material (9.x)';
    return undefined;
  }
  if (top === 'pymdownx') return 'pymdown-extensions';
  if (top === 'material') return 'mkdocs-material (9.x)';
  return undefined;
}

/** The plugins MkDocs itself provides (built in, never an entry point of another distribution). */
export const BUILTIN_PLUGINS: ReadonlySet<string> = new Set(['search']);
/** The themes MkDocs ships. */
export const BUILTIN_THEMES: ReadonlySet<string> = new Set(['mkdocs', 'readthedocs']);
