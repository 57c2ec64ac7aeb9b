import { formatFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { editJson, type FileView, findTreeProject, inProject, parseJson, ShipshapeError, type TreeProject, treeView } from '@shipshape/core';
import { pythonLayout } from '../../python/layout';
import { applyTags, planDepConstraint } from './dep-constraints';
import { exportsMapFor } from './exports-map';
import { hasInternalPackage, internalPackageInit } from './python-internal';
import type { BoundariesGeneratorSchema } from './schema';

interface NormalizedOptions {
  project: TreeProject;
  view: FileView;
  packageJson?: { path: string; text: string; data: Record<string, unknown> };
  python: boolean;
  pythonInternal: boolean;
}

/** `nx g @shipshape/structure:boundaries --project=x`: only the entry points are public. */
export async function boundariesGenerator(tree: Tree, schema: BoundariesGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeOptions(tree, schema);
  const constraint = options.packageJson ? planDepConstraint(tree, options.project.name) : { writes: [], notes: [] };
  const writes = [...planExportsMap(options), ...planPythonInternal(options), ...constraint.writes];
  for (const { path, text } of writes) tree.write(path, text);
  if ('tags' in constraint && constraint.tags) applyTags(tree, options.project.name, constraint.tags);
  if (constraint.notes.length > 0) logger.warn(constraint.notes.join('\n'));
  if (!schema.skipFormat) await formatFiles(tree);
  return () => undefined;
}

function normalizeOptions(tree: Tree, schema: BoundariesGeneratorSchema): NormalizedOptions {
  const project = findTreeProject(tree, schema.project);
  const path = inProject(project.root, 'package.json');
  const options: NormalizedOptions = {
    project,
    view: treeView(tree, project.root),
    python: tree.exists(inProject(project.root, 'pyproject.toml')),
    pythonInternal: schema.pythonInternal ?? true,
  };
  if (tree.exists(path)) {
    const text = tree.read(path, 'utf-8') ?? '';
    const data = parseJson<unknown>(text, path);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ShipshapeError('package.json must hold a JSON object', path);
    options.packageJson = { path, text, data: data as Record<string, unknown> };
  }
  if (!options.packageJson && !options.python) throw new ShipshapeError(`project "${project.name}" has neither a package.json nor a pyproject.toml`, project.root);
  return options;
}

function planExportsMap({ packageJson, view }: NormalizedOptions): Array<{ path: string; text: string }> {
  if (!packageJson || packageJson.data.exports !== undefined) return [];
  const map = exportsMapFor(view, packageJson.data);
  if (!map) {
    logger.warn(`${packageJson.path} declares no entry point (main, module, types) and there is no src/index.ts: no exports map written`);
    return [];
  }
  logger.info(`${packageJson.path}: "exports" exposes ${Object.keys(map).join(', ')}; imports of any other file of the package now fail outside the workspace's path aliases`);
  return [{ path: packageJson.path, text: editJson(packageJson.text, [{ path: ['exports'], value: map }]) }];
}

function planPythonInternal({ view, python, pythonInternal }: NormalizedOptions): Array<{ path: string; text: string }> {
  if (!python || !pythonInternal) return [];
  return pythonLayout(view)
    .packages.filter((folder) => view.isFile(`${folder}/__init__.py`) && !hasInternalPackage(view, folder))
    .map((folder) => internalPackageInit(folder));
}

export default boundariesGenerator;
