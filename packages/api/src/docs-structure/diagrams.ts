import { posix } from 'node:path';
import {
  declaredNames,
  isLibrarySource,
  moduleGraph,
  normalizeDistributionName,
  projectRelative,
  pythonAnalysis,
  pythonPackages,
  typescriptSources,
  workspaceGraph,
  workspacePackages,
  type PythonImport,
  type ShipshapeProject,
} from '@shipshape/core';

/** The diagrams Shipshape writes, by the name their markers carry. */
export const DIAGRAMS = ['project-graph', 'module-graph'] as const;
export type DiagramName = (typeof DIAGRAMS)[number];

/** Over this many nodes, a module graph is drawn by folder (then by shallower folders) so that it stays readable. */
export const MAX_NODES = 40;

export const openMarker = (name: string) => `<!-- shipshape:diagram ${name} -->`;
export const CLOSE_MARKER = '<!-- /shipshape:diagram -->';
const OPEN = /<!--\s*shipshape:diagram\s+([a-z0-9-]+)\s*-->/g;
const CLOSE = /<!--\s*\/shipshape:diagram\s*-->/;

/** A directed graph: node labels and edges between labels. */
export interface Graph {
  nodes: string[];
  edges: Array<[string, string]>;
  /** Labels drawn as the focus (the project itself). */
  focus?: string[];
  /** A comment line the diagram carries (how the graph was made smaller). */
  note?: string;
}

/** A label as Mermaid reads it inside `["…"]`: quotes and angle brackets as entity codes. */
export function mermaidLabel(label: string): string {
  return label.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/** Mermaid flowchart text of a graph: ids `n0…` in sorted label order, sorted edges, so that the same graph gives the same text. */
export function mermaid(graph: Graph): string {
  const nodes = [...new Set(graph.nodes)].sort();
  const ids = new Map(nodes.map((node, i) => [node, `n${i}`]));
  const edges = [
    ...new Set(graph.edges.filter(([a, b]) => a !== b && ids.has(a) && ids.has(b)).map(([a, b]) => `${ids.get(a)} --> ${ids.get(b)}`)),
  ];
  edges.sort((x, y) => {
    const [a1, b1] = x.split(' --> ').map((id) => Number(id.slice(1)));
    const [a2, b2] = y.split(' --> ').map((id) => Number(id.slice(1)));
    return a1 - a2 || b1 - b2;
  });
  const lines = ['flowchart LR'];
  if (graph.note) lines.push(`  %% ${graph.note}`);
  for (const node of nodes) lines.push(`  ${ids.get(node)}["${mermaidLabel(node)}"]`);
  lines.push(...edges.map((edge) => `  ${edge}`));
  const focus = (graph.focus ?? []).filter((f) => ids.has(f));
  if (focus.length > 0) {
    lines.push('  classDef focus stroke-width:3px,font-weight:bold');
    lines.push(`  class ${focus.map((f) => ids.get(f)).join(',')} focus`);
  }
  return lines.join('\n');
}

/** Under this many nodes, a graph folded by folder says too little (a flat package folded into one box). */
const MIN_FOLDED = 4;

/** The graph with each module deeper than `depth` folders drawn as its folder at that depth (`pkg/sub/`). */
function fold(graph: Graph, depth: number): Graph {
  const at = (label: string) => {
    const parts = label.split('/');
    return parts.length - 1 >= depth ? `${parts.slice(0, depth).join('/')}/` : label;
  };
  const folders = new Set(graph.nodes.map(at).filter((n) => n.endsWith('/')));
  // a package's own module (`pkg/sub`, its __init__) joins its folder (`pkg/sub/`)
  const group = (label: string) => (folders.has(`${label}/`) ? `${label}/` : at(label));
  return { nodes: [...new Set(graph.nodes.map(group))], edges: graph.edges.map(([a, b]): [string, string] => [group(a), group(b)]) };
}

/** The `max` nodes with the most edges (ties in label order), and the edges between them. */
function mostConnected(graph: Graph, max: number): Graph {
  const unique = [...new Set(graph.edges.filter(([a, b]) => a !== b).map((e) => e.join('\u0000')))].map((e) => e.split('\u0000'));
  const degree = new Map(graph.nodes.map((n) => [n, 0]));
  for (const [a, b] of unique) {
    degree.set(a, (degree.get(a) ?? 0) + 1);
    degree.set(b, (degree.get(b) ?? 0) + 1);
  }
  const kept = new Set([...graph.nodes].sort((a, b) => degree.get(b)! - degree.get(a)! || (a < b ? -1 : a > b ? 1 : 0)).slice(0, max));
  return { nodes: [...kept], edges: graph.edges.filter(([a, b]) => kept.has(a) && kept.has(b)) };
}

/**
 * A module graph made readable when it has more than `max` modules: drawn by folder at the deepest depth that fits
 * (`pkg/sub/` for every module under it); when no folding fits in `max` nodes and still shows at least four (a flat
 * package), the `max` most connected modules (or folders) are drawn, and the diagram says so.
 */
export function collapse(graph: Graph, max = MAX_NODES): Graph {
  if (graph.nodes.length <= max) return graph;
  const deepest = Math.max(...graph.nodes.map((label) => label.split('/').length - 1));
  const folds: Graph[] = [];
  for (let depth = deepest; depth >= 1; depth--) {
    const folded = fold(graph, depth);
    if (folded.nodes.length < MIN_FOLDED) break;
    if (folded.nodes.length <= max) return { ...folded, note: `${graph.nodes.length} modules drawn by folder (more than ${max})` };
    folds.push(folded);
  }
  const smallest = folds.length > 0 ? folds[folds.length - 1] : graph;
  const what = smallest === graph ? 'modules' : 'modules and folders';
  return { ...mostConnected(smallest, max), note: `the ${max} most connected ${what} of ${graph.nodes.length} modules (more than ${max})` };
}

/** The project graph's edges: Nx's (an executor's graph, or Nx's cached one), else what the manifests declare of each other. */
function projectEdges(project: ShipshapeProject): Record<string, string[]> {
  const graph = project.get(workspaceGraph);
  if (graph.dependencies) return graph.dependencies;
  const packages = project.get(workspacePackages);
  const edges: Record<string, string[]> = {};
  for (const from of packages) {
    const declared = project.workspace.project(from.project).get(declaredNames);
    edges[from.project.name] = packages
      .filter(
        (to) =>
          to !== from &&
          ((to.npm && declared.npm.has(to.npm.name)) || (to.python && declared.python.has(normalizeDistributionName(to.python.name)))),
      )
      .map((to) => to.project.name);
  }
  return edges;
}

/** The project, the workspace projects it depends on and those that depend on it, with the edges between them. */
export function projectGraph(project: ShipshapeProject): Graph {
  const edges = projectEdges(project);
  const depends = edges[project.name] ?? [];
  const dependents = Object.keys(edges).filter((name) => name !== project.name && (edges[name] ?? []).includes(project.name));
  const nodes = new Set([project.name, ...depends, ...dependents]);
  const shown = Object.entries(edges).flatMap(([from, tos]) =>
    nodes.has(from) ? tos.filter((to) => nodes.has(to)).map((to): [string, string] => [from, to]) : [],
  );
  return { nodes: [...nodes], edges: shown, focus: [project.name] };
}

const TS_EXTENSION = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;

/** The common folder of project-relative paths (`src/` when every file is under it). */
function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let prefix = paths[0].split('/').slice(0, -1);
  for (const path of paths) {
    const parts = path.split('/').slice(0, -1);
    let i = 0;
    while (i < prefix.length && prefix[i] === parts[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.length > 0 ? `${prefix.join('/')}/` : '';
}

/** The TS project's library modules and their relative imports (tests, configs and declarations left out). */
function typescriptModuleGraph(project: ShipshapeProject): Graph {
  const sources = project.get(typescriptSources);
  const relative = (file: string) => projectRelative(project.root, file);
  const hasSrc = sources.files.some((f) => relative(f).startsWith('src/'));
  const files = sources.files.filter((f) => isLibrarySource(relative(f)) && (!hasSrc || relative(f).startsWith('src/')));
  const inGraph = new Set(files);
  const base = commonFolder(files.map(relative));
  const label = (file: string) => relative(file).slice(base.length).replace(TS_EXTENSION, '');
  const graph = project.get(moduleGraph);
  const edges = files.flatMap((file) =>
    graph
      .localImports(file)
      .filter((i) => inGraph.has(i.target))
      .map((i): [string, string] => [label(file), label(i.target)]),
  );
  return { nodes: files.map(label), edges };
}

/** The dotted module a Python import names, relative imports resolved from the importing module. */
function importedModules(imp: PythonImport, module: string, isPackage: boolean): string[] {
  let base = imp.module;
  if (imp.level > 0) {
    const parts = module.split('.');
    const pkg = isPackage ? parts : parts.slice(0, -1);
    const up = pkg.slice(0, pkg.length - (imp.level - 1));
    if (up.length === 0) return [];
    base = [...up, ...(imp.module ? imp.module.split('.') : [])].join('.');
  }
  if (imp.kind === 'import') return [base];
  // `from a import b`: the submodule a.b when there is one, else a (the longest module prefix is taken)
  return imp.names.map((n) => (n === '*' ? base : `${base}.${n}`));
}

/** The Python project's package modules and their imports of each other (absolute and relative). */
async function pythonModuleGraph(project: ShipshapeProject): Promise<Graph> {
  const packages = project.get(pythonPackages);
  const analysis = await project.get(pythonAnalysis);
  const modules = new Map<string, { file: string; isPackage: boolean }>();
  for (const folder of packages.folders) {
    const parent = posix.dirname(folder);
    for (const file of Object.keys(analysis.files)) {
      if (!file.startsWith(`${folder}/`) || !file.endsWith('.py') || !isLibrarySource(projectRelative(project.root, file))) continue;
      const parts = posix
        .relative(parent === '.' ? '' : parent, file)
        .replace(/\.py$/, '')
        .split('/');
      if (!parts.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p))) continue;
      const isPackage = parts[parts.length - 1] === '__init__';
      const name = (isPackage ? parts.slice(0, -1) : parts).join('.');
      modules.set(name, { file, isPackage });
    }
  }
  const resolve = (dotted: string): string | undefined => {
    const parts = dotted.split('.');
    for (let n = parts.length; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (modules.has(candidate)) return candidate;
    }
    return undefined;
  };
  const edges: Array<[string, string]> = [];
  for (const [name, { file, isPackage }] of modules) {
    for (const imp of analysis.files[file]?.imports ?? []) {
      for (const target of importedModules(imp, name, isPackage)) {
        const found = resolve(target);
        if (found && found !== name) edges.push([name, found]);
      }
    }
  }
  const label = (name: string) => name.replace(/\./g, '/');
  return { nodes: [...modules.keys()].map(label), edges: edges.map(([a, b]) => [label(a), label(b)]) };
}

/** The project's module import graph (TS and Python modules together), collapsed by folder when big. */
export async function moduleImportGraph(project: ShipshapeProject): Promise<Graph> {
  const ts = typescriptModuleGraph(project);
  const py = await pythonModuleGraph(project);
  return collapse({ nodes: [...ts.nodes, ...py.nodes], edges: [...ts.edges, ...py.edges] });
}

/** The Mermaid text of each diagram, from the graphs as they are now. */
export async function diagramTexts(project: ShipshapeProject): Promise<Record<DiagramName, string>> {
  return {
    'project-graph': mermaid(projectGraph(project)),
    'module-graph': mermaid(await moduleImportGraph(project)),
  };
}

/** The block written between the markers, in the page's line endings. */
export function diagramBlock(name: DiagramName, text: string, eol = '\n'): string {
  return [openMarker(name), '', '```mermaid', text, '```', '', CLOSE_MARKER].join('\n').replace(/\n/g, eol);
}

/** A marked block of a page: its name, where its markers are, and the Mermaid text between them. */
export interface MarkedDiagram {
  name: string;
  /** Offsets of the opening marker's start and the closing marker's end. */
  start: number;
  end: number;
  /** 1-based line of the opening marker. */
  line: number;
  /** The fenced Mermaid text inside, when there is one. */
  mermaid?: string;
}

/** The blocks between Shipshape's diagram markers in a page (an opening marker without its closing one is left out). */
export function markedDiagrams(text: string): MarkedDiagram[] {
  const found: MarkedDiagram[] = [];
  for (const match of text.matchAll(OPEN)) {
    const start = match.index;
    if (found.length > 0 && start < found[found.length - 1].end) continue;
    const rest = text.slice(start + match[0].length);
    const close = CLOSE.exec(rest);
    if (!close) continue;
    const inner = rest.slice(0, close.index);
    const nextOpen = inner.search(/<!--\s*shipshape:diagram\s/);
    if (nextOpen >= 0) continue;
    const fenced = /```mermaid[^\n]*\n([\s\S]*?)\n[ \t]*```/.exec(inner.replace(/\r\n/g, '\n'));
    found.push({
      name: match[1],
      start,
      end: start + match[0].length + close.index + close[0].length,
      line: text.slice(0, start).split('\n').length,
      mermaid: fenced?.[1],
    });
  }
  return found;
}

/** The same diagram however its lines end or are indented. */
export function sameDiagram(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/\r\n/g, '\n')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n');
  return norm(a) === norm(b);
}
