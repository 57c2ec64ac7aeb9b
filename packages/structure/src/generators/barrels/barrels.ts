import { posix } from 'node:path';
import { formatFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { analyzePythonSources, type FileView, findTreeProject, inProject, parseJson, parseToml, type PyProject, ShipshapeError, type TreeProject, treeView } from '@shipshape/core';
import { barrelInputs, planInitFiles } from '../../python/init-barrel';
import { pythonLayout } from '../../python/layout';
import { configuredNamespaces } from '../../python/namespaces';
import { DEFAULT_ENTRY, planBarrel } from '../../typescript/barrel';
import { mainSourceEntry } from '../../typescript/entry-points';
import { inMemoryProgram } from '../../typescript/module-exports';
import type { BarrelsGeneratorSchema } from './schema';

interface NormalizedOptions {
  project: TreeProject;
  view: FileView;
  typescript?: { manifest?: Record<string, unknown>; folders: string[] };
  python?: { pyproject: PyProject };
}

interface FilePlan {
  path: string;
  text: string;
  notes: string[];
}

/** `nx g @shipshape/structure:barrels --project=x`: explicit barrels (index.ts, __init__.py) computed from what modules really export. */
export async function barrelsGenerator(tree: Tree, schema: BarrelsGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeOptions(tree, schema);
  const plans = [...planTypeScriptBarrels(options), ...(await planPythonBarrels(options))];
  writePlans(tree, plans);
  reportNotes(options.project.name, plans.flatMap((p) => p.notes));
  if (!schema.skipFormat) await formatFiles(tree);
  return () => undefined;
}

function normalizeOptions(tree: Tree, schema: BarrelsGeneratorSchema): NormalizedOptions {
  const project = findTreeProject(tree, schema.project);
  const view = treeView(tree, project.root);
  const options: NormalizedOptions = { project, view };
  const packageJson = inProject(project.root, 'package.json');
  const pyproject = inProject(project.root, 'pyproject.toml');
  const folders = (schema.folders ?? '').split(',').map((f) => f.trim().replace(/\/+$/, '')).filter(Boolean);
  for (const folder of folders) {
    const path = inProject(project.root, folder);
    if (folder.startsWith('/') || folder.split('/').includes('..') || !tree.exists(path) || tree.isFile(path)) {
      throw new ShipshapeError(`--folders names "${folder}", which is not a folder of project "${project.name}" (${project.root})`);
    }
  }
  if (tree.exists(packageJson) || tree.exists(inProject(project.root, 'tsconfig.json'))) {
    const manifest = tree.exists(packageJson) ? parseJson<Record<string, unknown>>(tree.read(packageJson, 'utf-8') ?? '', packageJson) : undefined;
    options.typescript = { manifest, folders: folders.map((f) => inProject(project.root, f)) };
  } else if (folders.length > 0) {
    throw new ShipshapeError(`--folders is for TypeScript projects; "${project.name}" has no package.json or tsconfig.json`);
  }
  if (tree.exists(pyproject)) options.python = { pyproject: parseToml<PyProject>(tree.read(pyproject, 'utf-8') ?? '', pyproject) };
  if (!options.typescript && !options.python) throw new ShipshapeError(`project "${project.name}" is neither a TypeScript nor a Python project (no package.json, tsconfig.json or pyproject.toml)`, project.root);
  return options;
}

function planTypeScriptBarrels({ view, typescript }: NormalizedOptions): FilePlan[] {
  if (!typescript) return [];
  const program = inMemoryProgram(view);
  const entry = mainSourceEntry(view, typescript.manifest) ?? (view.files().some((f) => f.startsWith(inProject(view.root, 'src/'))) ? DEFAULT_ENTRY(view.root) : undefined);
  const barrels = [...new Set([...(entry ? [entry] : []), ...typescript.folders.map((f) => posix.join(f, 'index.ts'))])];
  return barrels.map((path) => planBarrel(view, path, program)).filter((plan) => plan !== undefined);
}

async function planPythonBarrels({ view, python, project }: NormalizedOptions): Promise<FilePlan[]> {
  if (!python) return [];
  const layout = pythonLayout(view);
  const inputs = barrelInputs(view, layout);
  if (inputs.length === 0) return [];
  const analysis = await analyzePythonSources(Object.fromEntries(inputs.map((f) => [f, view.read(f) ?? ''])), { project: project.name });
  return planInitFiles(view, layout, analysis, configuredNamespaces(python.pyproject));
}

function writePlans(tree: Tree, plans: FilePlan[]) {
  for (const { path, text } of plans) {
    if (text !== '' && text !== tree.read(path, 'utf-8')) tree.write(path, text);
  }
}

function reportNotes(project: string, notes: string[]) {
  if (notes.length > 0) logger.warn(`Shipshape could not make every export of ${project} explicit:\n${notes.map((n) => `  - ${n}`).join('\n')}`);
}

export default barrelsGenerator;
