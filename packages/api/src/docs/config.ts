import { editJson, editYaml, parseJsonWithComments, type JsonEdit } from '@shipshape/core';

type YamlEdit = Parameters<typeof editYaml>[1][number];
import { API_DIR, MERMAID_SCRIPT, isObject, mkdocsData, namedEntries, themeName } from './layout';

/** The Mermaid fence: a `<div class="mermaid">` that mermaid.min.js renders on load (Material's own integration, which fetches Mermaid from a CDN, looks at `pre.mermaid` only). */
export const MERMAID_FORMAT = 'pymdownx.superfences.fence_div_format';

/**
 * Pinned ranges of the npm tools the docs target runs (those the package is tested with). Mermaid exactly, the newest
 * 11.x: 12.x declares engines.node >= 22.12, and Shipshape's users run Node 20.
 */
export const DOCS_DEV_DEPENDENCIES: Readonly<Record<string, string>> = {
  typedoc: '~0.28.20',
  'typedoc-plugin-markdown': '~4.14.1',
  mermaid: '11.17.2',
};

export interface MkdocsSpec {
  siteName: string;
  python: boolean;
  /** mkdocstrings' import paths (Python), project-relative. */
  paths: string[];
}

/**
 * A new mkdocs.yml. Works with Debian's Material 8.2 and MkDocs 1.4 as with Material 9.x and MkDocs 1.6: only
 * settings both read (theme name, search, mkdocstrings' handler paths, pymdownx.superfences, extra_javascript).
 */
export function newMkdocsConfig(spec: MkdocsSpec): string {
  const lines = [
    `# The docs site of ${spec.siteName}: \`nx run ${spec.siteName}:docs\` builds it into site/ with mkdocs build --strict.`,
    `site_name: ${yamlScalar(spec.siteName)}`,
    'theme:',
    '  name: material',
    '  # no Google Fonts: the site works offline and asks nothing of a third party',
    '  font: false',
    'plugins:',
    '  - search',
  ];
  if (spec.python)
    lines.push(
      '  - mkdocstrings:',
      '      handlers:',
      '        python:',
      '          paths:',
      ...spec.paths.map((p) => `            - ${yamlScalar(p)}`),
    );
  lines.push(
    'markdown_extensions:',
    '  - admonition',
    '  - toc:',
    '      permalink: true',
    '  - pymdownx.superfences:',
    '      custom_fences:',
    '        - name: mermaid',
    '          class: mermaid',
    `          format: !!python/name:${MERMAID_FORMAT}`,
    '# Mermaid is loaded from the site itself (no CDN): the docs target copies node_modules/mermaid/dist/mermaid.min.js there.',
    'extra_javascript:',
    `  - ${MERMAID_SCRIPT}`,
    '',
  );
  return lines.join('\n');
}

function yamlScalar(value: string): string {
  return /^[\w./@-]+$/.test(value) && !/^[-@]/.test(value) ? value : JSON.stringify(value);
}

const PLACEHOLDER = 'SHIPSHAPE_PYTHON_NAME__';

/**
 * An existing mkdocs.yml completed in place: a theme when it has none (material), the search and mkdocstrings
 * plugins (Python), the Mermaid fence, the Mermaid script. What the user set (theme, nav, plugin options,
 * comments) is kept; nothing is removed. Returns the new text and what it did.
 */
export function completeMkdocsConfig(text: string, file: string, spec: MkdocsSpec): { text: string; done: string[] } {
  const data = mkdocsData(text, file);
  const edits: YamlEdit[] = [];
  const done: string[] = [];
  if (!themeName(data) && data.theme === undefined) {
    edits.push({ path: ['theme'], value: { name: 'material', font: false } });
    done.push('set the theme to material');
  }
  const plugins = namedEntries(data.plugins);
  const mkdocstrings = { mkdocstrings: { handlers: { python: { paths: spec.paths } } } };
  if (data.plugins === undefined) {
    // a plugins list replaces MkDocs' default one, which is search alone
    edits.push({ path: ['plugins'], value: spec.python ? ['search', mkdocstrings] : ['search'] });
    done.push(spec.python ? 'added the search and mkdocstrings plugins' : 'added the search plugin');
  } else if (spec.python && !plugins.some((p) => p.name === 'mkdocstrings')) {
    if (Array.isArray(data.plugins)) edits.push({ path: ['plugins', data.plugins.length], value: mkdocstrings });
    else if (isObject(data.plugins)) edits.push({ path: ['plugins', 'mkdocstrings'], value: mkdocstrings.mkdocstrings });
    done.push('added the mkdocstrings plugin');
  }
  const fence = { name: 'mermaid', class: 'mermaid', format: `${PLACEHOLDER}${MERMAID_FORMAT}` };
  const extensions = data.markdown_extensions;
  const superfences = namedEntries(extensions).find((e) => e.name === 'pymdownx.superfences');
  if (extensions === undefined) {
    edits.push({ path: ['markdown_extensions'], value: [{ 'pymdownx.superfences': { custom_fences: [fence] } }] });
    done.push('added the Mermaid fence (pymdownx.superfences)');
  } else if (!superfences) {
    if (Array.isArray(extensions))
      edits.push({ path: ['markdown_extensions', extensions.length], value: { 'pymdownx.superfences': { custom_fences: [fence] } } });
    else if (isObject(extensions)) edits.push({ path: ['markdown_extensions', 'pymdownx.superfences'], value: { custom_fences: [fence] } });
    done.push('added the Mermaid fence (pymdownx.superfences)');
  } else {
    const fences = superfences.options.custom_fences;
    const index = Array.isArray(extensions)
      ? extensions.findIndex((e) => e === 'pymdownx.superfences' || (isObject(e) && 'pymdownx.superfences' in e))
      : -1;
    const base: (string | number)[] = Array.isArray(extensions)
      ? ['markdown_extensions', index, 'pymdownx.superfences']
      : ['markdown_extensions', 'pymdownx.superfences'];
    if (!Array.isArray(fences) || !fences.some((f) => isObject(f) && f.name === 'mermaid')) {
      if (Array.isArray(fences)) edits.push({ path: [...base, 'custom_fences', fences.length], value: fence });
      else if (Array.isArray(extensions) && extensions[index] === 'pymdownx.superfences')
        edits.push({ path: base.slice(0, 2), value: { 'pymdownx.superfences': { custom_fences: [fence] } }, convert: true });
      else edits.push({ path: [...base, 'custom_fences'], value: [fence] });
      done.push('added the Mermaid fence to pymdownx.superfences');
    }
  }
  const scripts = data.extra_javascript;
  const hasScript =
    Array.isArray(scripts) && scripts.some((s) => (typeof s === 'string' ? s : isObject(s) ? s.path : undefined) === MERMAID_SCRIPT);
  if (!hasScript) {
    if (scripts === undefined) edits.push({ path: ['extra_javascript'], value: [MERMAID_SCRIPT] });
    else if (Array.isArray(scripts)) edits.push({ path: ['extra_javascript', scripts.length], value: MERMAID_SCRIPT });
    if (scripts === undefined || Array.isArray(scripts)) done.push(`added ${MERMAID_SCRIPT} to extra_javascript`);
  }
  if (edits.length === 0) return { text, done: [] };
  // yaml re-renders a re-laid tagged scalar as `!!python/name:x ""` (an empty value it could not resolve): put it back as written
  const edited = editYaml(text, edits, file)
    .replace(new RegExp(`${PLACEHOLDER}([\\w.]+)`, 'g'), '!!python/name:$1')
    .replace(/(!!python\/name:[\w.]+) ""(?=[ \t]*(#.*)?\r?$)/gm, '$1');
  return { text: edited, done };
}

export interface TypedocSpec {
  entryPoints: string[];
  /** Project-relative tsconfig TypeDoc compiles with. */
  tsconfig?: string;
}

/** A new typedoc.json: Markdown pages (typedoc-plugin-markdown) into docs/reference/api, for the MkDocs site. */
export function newTypedocConfig(spec: TypedocSpec): string {
  const config: Record<string, unknown> = {
    $schema: 'https://typedoc-plugin-markdown.org/schema.json',
    entryPoints: spec.entryPoints.map((e) => `./${e}`),
    ...(spec.tsconfig ? { tsconfig: `./${spec.tsconfig}` } : {}),
    plugin: ['typedoc-plugin-markdown'],
    out: `./${API_DIR}`,
    entryFileName: 'index.md',
    readme: 'none',
    excludePrivate: true,
    excludeInternal: true,
    // source links need a git remote TypeDoc can read; without one it warns, and warnings fail the build
    disableSources: true,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * An existing typedoc.json completed in place: the public entries it lacks appended to entryPoints, the
 * Markdown plugin added, `out` set when it has none. Entries it has that are not public are kept (reported).
 */
export function completeTypedocConfig(text: string, file: string, spec: TypedocSpec): { text: string; done: string[]; left: string[] } {
  const data = parseJsonWithComments<Record<string, unknown>>(text, file);
  const edits: JsonEdit[] = [];
  const done: string[] = [];
  const left: string[] = [];
  const current = Array.isArray(data.entryPoints) ? (data.entryPoints as unknown[]).filter((e): e is string => typeof e === 'string') : [];
  const normalized = new Set(current.map((e) => e.replace(/^\.\//, '')));
  const globbed = current.some((e) => /[*?{]/.test(e));
  const missing = globbed ? [] : spec.entryPoints.filter((e) => !normalized.has(e));
  if (data.entryPoints === undefined) edits.push({ path: ['entryPoints'], value: spec.entryPoints.map((e) => `./${e}`) });
  else if (Array.isArray(data.entryPoints))
    missing.forEach((e, i) => edits.push({ path: ['entryPoints', current.length + i], value: `./${e}` }));
  if (missing.length || data.entryPoints === undefined)
    done.push(`added the entry points ${spec.entryPoints.filter((e) => data.entryPoints === undefined || missing.includes(e)).join(', ')}`);
  for (const entry of current)
    if (!/[*?{]/.test(entry) && !spec.entryPoints.includes(entry.replace(/^\.\//, '')))
      left.push(`${file}: the entry point ${entry} is not an entry of package.json's exports map; kept (remove it if it is not public)`);
  const plugins: unknown[] | undefined =
    typeof data.plugin === 'string' ? [data.plugin] : Array.isArray(data.plugin) ? (data.plugin as unknown[]) : undefined;
  if (!plugins) edits.push({ path: ['plugin'], value: ['typedoc-plugin-markdown'] });
  else if (!plugins.includes('typedoc-plugin-markdown')) {
    if (Array.isArray(data.plugin)) edits.push({ path: ['plugin', plugins.length], value: 'typedoc-plugin-markdown' });
    else edits.push({ path: ['plugin'], value: [...plugins, 'typedoc-plugin-markdown'], convert: true });
  }
  if (!plugins || !plugins.includes('typedoc-plugin-markdown'))
    done.push('added typedoc-plugin-markdown (Markdown pages for the MkDocs site)');
  if (data.out === undefined) {
    edits.push({ path: ['out'], value: `./${API_DIR}` });
    done.push(`set out to ./${API_DIR}`);
  } else if (typeof data.out === 'string' && data.out.replace(/^\.\//, '').replace(/\/$/, '') !== API_DIR)
    left.push(
      `${file}: out is ${data.out}, not ./${API_DIR}: the API pages are not in the MkDocs site's reference section; kept as you set it`,
    );
  return { text: edits.length ? editJson(text, edits, file) : text, done, left };
}
