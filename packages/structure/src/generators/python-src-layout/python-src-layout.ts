import { posix } from 'node:path';
import { formatFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { editJson, editToml, type FileView, findTreeProject, inProject, parseJson, parseToml, projectRelative, type PyProject, ShipshapeError, type TreeProject, treeView } from '@shipshape/core';
import { pythonLayout } from '../../python/layout';
import { buildConfigEdits } from './build-config';
import type { PythonSrcLayoutGeneratorSchema } from './schema';

interface NormalizedOptions {
  project: TreeProject;
  view: FileView;
  pyprojectPath: string;
  pyproject: { text: string; data: PyProject };
  /** Workspace-relative folders of the flat packages to move. */
  packages: string[];
}

interface Move {
  from: string;
  to: string;
}

/** `nx g @shipshape/structure:python-src-layout --project=x`: flat layout to src layout, every move listed. */
export async function pythonSrcLayoutGenerator(tree: Tree, schema: PythonSrcLayoutGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeOptions(tree, schema);
  if (options.packages.length === 0) {
    logger.info(`${options.project.name} already has its packages under src/: nothing to move`);
    return () => undefined;
  }
  const moves = planMoves(options);
  const pyproject = planBuildConfig(options);
  const projectJson = planSourceRoot(tree, options);
  for (const { from, to } of moves) {
    logger.info(`move ${from} -> ${to}`);
    tree.rename(from, to);
  }
  tree.write(options.pyprojectPath, pyproject);
  if (projectJson) tree.write(projectJson.path, projectJson.text);
  warnAboutRootImports(options);
  if (!schema.skipFormat) await formatFiles(tree);
  return () => undefined;
}

function normalizeOptions(tree: Tree, schema: PythonSrcLayoutGeneratorSchema): NormalizedOptions {
  const project = findTreeProject(tree, schema.project);
  const pyprojectPath = inProject(project.root, 'pyproject.toml');
  if (!tree.exists(pyprojectPath)) throw new ShipshapeError(`project "${project.name}" has no pyproject.toml: it is not a Python project`, project.root);
  const text = tree.read(pyprojectPath, 'utf-8') ?? '';
  const view = treeView(tree, project.root);
  const layout = pythonLayout(view);
  const packages = layout.packages.filter((p) => !projectRelative(project.root, p).startsWith('src/'));
  for (const folder of packages) {
    const target = inProject(project.root, `src/${posix.basename(folder)}`);
    if (tree.exists(target)) throw new ShipshapeError(`cannot move ${folder} to ${target}: ${target} already exists`, target);
  }
  return { project, view, pyprojectPath, pyproject: { text, data: parseToml<PyProject>(text, pyprojectPath) }, packages };
}

function planMoves({ view, project, packages }: NormalizedOptions): Move[] {
  return packages.flatMap((folder) =>
    view
      .files()
      .filter((f) => f.startsWith(`${folder}/`))
      .map((from) => ({ from, to: inProject(project.root, `src/${projectRelative(project.root, from)}`) })),
  );
}

function planBuildConfig({ pyproject, packages, project }: NormalizedOptions): string {
  const { edits, notes } = buildConfigEdits(pyproject.data, packages.map((p) => projectRelative(project.root, p)));
  for (const note of notes) logger.warn(note);
  return editToml(pyproject.text, edits);
}

/** project.json's sourceRoot, when it names a moved package. */
function planSourceRoot(tree: Tree, { project, packages }: NormalizedOptions): { path: string; text: string } | undefined {
  const path = inProject(project.root, 'project.json');
  if (!tree.exists(path)) return undefined;
  const text = tree.read(path, 'utf-8') ?? '';
  const sourceRoot = parseJson<{ sourceRoot?: unknown }>(text, path).sourceRoot;
  const moved = packages.find((p) => sourceRoot === p || (typeof sourceRoot === 'string' && sourceRoot.startsWith(`${p}/`)));
  if (!moved || typeof sourceRoot !== 'string') return undefined;
  return { path, text: editJson(text, [{ path: ['sourceRoot'], value: inProject(project.root, `src/${projectRelative(project.root, sourceRoot)}`) }]) };
}

/** Imports by package name do not change; scripts at the project root that import the package now need it installed. */
function warnAboutRootImports({ view, project, packages }: NormalizedOptions) {
  const names = packages.map((p) => posix.basename(p));
  const importers = view
    .files()
    .filter((f) => f.endsWith('.py') && !packages.some((p) => f.startsWith(`${p}/`)) && !projectRelative(project.root, f).startsWith('src/'))
    .filter((f) => names.some((n) => new RegExp(`^\\s*(from|import)\\s+${n}\\b`, 'm').test(view.read(f) ?? '')));
  if (importers.length > 0) {
    logger.warn(`These files import ${names.join(', ')} from the working copy and now need the package installed (pip install -e ${project.root}): ${importers.join(', ')}`);
  }
}

export default pythonSrcLayoutGenerator;
