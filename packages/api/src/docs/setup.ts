import { defineFact, isShipshapeError, projectFiles, type ShipshapeProject } from '@shipshape/core';
import { MKDOCS_FILE, TYPEDOC_FILE, mkdocsData, typedocEntries } from './layout';

/** A docs config of the project, read (never built). */
export interface DocsConfig<T> {
  /** Workspace-relative. */
  file: string;
  text: string;
  /** What it says; undefined when it cannot be read (see `error`). */
  data?: T;
  error?: string;
}

export interface DocsSetup {
  mkdocs?: DocsConfig<Record<string, unknown>>;
  typedoc?: DocsConfig<string[]>;
  /** Another docs system's config (Sphinx's conf.py, a TypeDoc JS config, Docusaurus, VitePress), workspace-relative. */
  other?: string;
}

/** Files that say a project's docs are built by another system than the layout's mkdocs.yml / typedoc.json. */
const OTHER_DOCS =
  /(^|\/)(mkdocs\.yaml|docs?\/(source\/)?conf\.py|conf\.py|typedoc\.config\.[cm]?[jt]s|\.?typedoc\.jsonc?|docusaurus\.config\.[cm]?[jt]s|\.vitepress\/config\.[cm]?[jt]s|\.readthedocs\.ya?ml|book\.toml|docs\/mkdocs\.ya?ml)$/;

/** The project's docs configs: mkdocs.yml and typedoc.json of the layout, or another docs system's. */
export const docsSetup = defineFact({
  id: 'api-docs/setup',
  inputs: [projectFiles],
  compute: (project: ShipshapeProject, files): DocsSetup => {
    const setup: DocsSetup = {};
    const mkdocs = read(project, MKDOCS_FILE, mkdocsData);
    if (mkdocs) setup.mkdocs = mkdocs;
    const typedoc = read(project, TYPEDOC_FILE, typedocEntries);
    if (typedoc) setup.typedoc = typedoc;
    const prefix = project.root === '.' ? '' : `${project.root}/`;
    const other = files
      .map((f) => f.file)
      .filter((f) => f.startsWith(prefix) && !f.includes('node_modules/'))
      .find((f) => OTHER_DOCS.test(f.slice(prefix.length)) && f !== setup.typedoc?.file);
    if (other) setup.other = other;
    else if (typeof project.get(packageJsonData)?.typedocOptions === 'object') setup.other = project.file('package.json');
    return setup;
  },
});

const packageJsonData = defineFact({
  id: 'api-docs/package-json-data',
  compute: (project: ShipshapeProject): Record<string, unknown> | undefined => {
    const text = project.workspace.source.read(project.file('package.json'));
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  },
});

function read<T>(project: ShipshapeProject, name: string, parse: (text: string, file: string) => T): DocsConfig<T> | undefined {
  const file = project.file(name);
  const text = project.workspace.source.read(file);
  if (text === undefined) return undefined;
  try {
    return { file, text, data: parse(text, file) };
  } catch (error) {
    if (!isShipshapeError(error)) throw error;
    return { file, text, error: error.message.replace(new RegExp(`^${escape(file)}: `), '') };
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Docs configs at the workspace root that may hold every project's docs (a workspace-wide site). */
const WORKSPACE_DOCS = ['mkdocs.yml', 'mkdocs.yaml', 'typedoc.json', 'docs/conf.py', 'docs/source/conf.py', 'docs/mkdocs.yml'];

/** The workspace root's docs config, when a workspace-wide site exists. */
export function workspaceDocs(project: ShipshapeProject): string | undefined {
  if (project.root === '.') return undefined;
  return WORKSPACE_DOCS.find((file) => project.workspace.source.isFile(file));
}
