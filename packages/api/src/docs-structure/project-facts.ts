import { posix } from 'node:path';
import MarkdownIt from 'markdown-it';
import {
  buildOutputs,
  decodeSource,
  moduleGraph,
  packageJson,
  pyproject,
  pythonAnalysis,
  pythonPackages,
  typescriptSources,
  type ShipshapeProject,
} from '@shipshape/core';

const parser = new MarkdownIt('default', { html: true });
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The first paragraph of the project's README.md that says something (badges, images and HTML passed over), as
 * Markdown whose links are all absolute: a relative link of the README would be broken in the docs folder.
 */
export function readmeParagraph(project: ShipshapeProject): string | undefined {
  const { source } = project.workspace;
  const file = ['README.md', 'readme.md', 'Readme.md'].map((name) => project.file(name)).find((path) => source.isFile(path));
  const decoded = file ? decodeSource(source.readBytes(file)) : undefined;
  if (!decoded || decoded.error !== undefined) return undefined;
  const tokens = parser.parse(decoded.text, {});
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'paragraph_open' || tokens[i + 1]?.type !== 'inline') continue;
    const parts: string[] = [];
    const open: Array<string | undefined> = [];
    let words = '';
    for (const child of tokens[i + 1].children ?? []) {
      if (child.type === 'text') {
        parts.push(child.content.replace(/([*_`[\]<>])/g, '\\$1'));
        words += child.content;
      } else if (child.type === 'code_inline') {
        parts.push(`\`${child.content}\``);
        words += child.content;
      } else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push(' ');
      else if (child.type === 'strong_open' || child.type === 'strong_close') parts.push('**');
      else if (child.type === 'em_open' || child.type === 'em_close') parts.push('_');
      else if (child.type === 'link_open') {
        const href = String(child.attrGet('href') ?? '');
        const keep = ABSOLUTE.test(href) ? href : undefined;
        open.push(keep);
        if (keep) parts.push('[');
      } else if (child.type === 'link_close') {
        const href = open.pop();
        if (href) parts.push(`](${href})`);
      }
    }
    const text = parts
      .join('')
      .replace(/\s+/g, ' ')
      .replace(/\[\]\([^)]*\)/g, '')
      .trim();
    if (words.replace(/\W/g, '').length >= 20) return text;
  }
  return undefined;
}

/** The distribution's name and the command that installs it: `npm install <name>` / `pip install <name>`. */
export function installation(project: ShipshapeProject): { name: string; command: string; language: 'typescript' | 'python' } | undefined {
  const py = project.get(pyproject)?.data.project;
  if (py && typeof py.name === 'string' && py.name) return { name: py.name, command: `pip install ${py.name}`, language: 'python' };
  const pkg = project.get(packageJson)?.data;
  if (pkg && typeof pkg.name === 'string' && pkg.name)
    return { name: pkg.name, command: `npm install ${pkg.name}`, language: 'typescript' };
  return undefined;
}

/** The project's description from its manifest. */
export function manifestDescription(project: ShipshapeProject): string | undefined {
  const py = project.get(pyproject)?.data.project?.description;
  if (typeof py === 'string' && py.trim()) return py.trim();
  const pkg = project.get(packageJson)?.data.description;
  return typeof pkg === 'string' && pkg.trim() ? pkg.trim() : undefined;
}

const DEFAULT_ENTRIES = ['src/index.ts', 'src/index.tsx', 'src/index.mts', 'index.ts', 'src/index.js', 'index.js'];
const MAIN_FIELDS = ['types', 'typings', 'module', 'main'];

/** The TS names the package's main entry exports (through `export *` of its own modules), sorted. */
function typescriptApi(project: ShipshapeProject): { module: string; names: string[] } | undefined {
  const outputs = project.get(buildOutputs);
  const sourced = outputs.entries.filter((e) => e.source && !outputs.isOutput(e.source));
  const main = sourced.find((e) => e.subpath === '.') ?? sourced.find((e) => MAIN_FIELDS.includes(String(e.field[0])));
  const { source } = project.workspace;
  const entry = main?.source ?? DEFAULT_ENTRIES.map((f) => project.file(f)).find((f) => source.isFile(f) && !outputs.isOutput(f));
  if (!entry) return undefined;
  const sources = project.get(typescriptSources);
  const graph = project.get(moduleGraph);
  const names = new Set<string>();
  const visit = (file: string, seen: Set<string>) => {
    if (seen.has(file) || seen.size > 50) return;
    seen.add(file);
    const info = sources.module(file).info;
    const targets = new Map(graph.localImports(file).map((i) => [i.specifier, i.target]));
    for (const e of info?.exports ?? []) {
      if (e.kind !== 'star') names.add(e.name);
      else if (e.from && targets.has(e.from)) visit(targets.get(e.from)!, seen);
    }
  };
  visit(entry, new Set());
  const name = installation(project)?.name ?? project.name;
  return { module: name, names: [...names].filter((n) => n !== 'default').sort() };
}

/** The Python names the top package's `__init__.py` makes public: its `__all__`, else its public definitions and imports. */
async function pythonApi(project: ShipshapeProject): Promise<{ module: string; names: string[] } | undefined> {
  const packages = project.get(pythonPackages);
  const folder = packages.folders[0];
  if (!folder) return undefined;
  const analysis = await project.get(pythonAnalysis);
  const init = analysis.files[`${folder}/__init__.py`];
  if (!init || init.error) return { module: posix.basename(folder), names: [] };
  const names = init.all?.names ?? [
    ...init.definitions.filter((d) => d.public).map((d) => d.name),
    ...init.reexports.filter((n) => !n.startsWith('_')),
  ];
  return { module: posix.basename(folder), names: [...new Set(names)].sort() };
}

/** The public API: the module users import and the names it exports. */
export async function publicApi(
  project: ShipshapeProject,
): Promise<{ module: string; names: string[]; language: 'typescript' | 'python' } | undefined> {
  const python = project.get(pyproject) ? await pythonApi(project) : undefined;
  if (python) return { ...python, language: 'python' };
  const ts = project.get(packageJson) ? typescriptApi(project) : undefined;
  return ts ? { ...ts, language: 'typescript' } : undefined;
}
