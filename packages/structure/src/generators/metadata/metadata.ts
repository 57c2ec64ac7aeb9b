import { formatFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { editJson, editToml, findTreeProject, inProject, parseJson, parseToml, type PyProject, ShipshapeError, type TreeProject, treeView } from '@shipshape/core';
import { planPackageJson } from './package-json-fields';
import { planPyproject } from './pyproject-fields';
import type { MetadataGeneratorSchema } from './schema';
import { readMetadataSources, type MetadataSources } from './sources';

interface NormalizedOptions {
  project: TreeProject;
  packageJson?: { path: string; text: string; data: Record<string, unknown> };
  pyproject?: { path: string; text: string; data: PyProject };
  sources: MetadataSources;
}

/** `nx g @shipshape/structure:metadata --project=x`: fills missing package.json / pyproject.toml metadata from the workspace. */
export async function metadataGenerator(tree: Tree, schema: MetadataGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeOptions(tree, schema);
  const updates = [planPackageJsonUpdate(tree, options), planPyprojectUpdate(options)].filter((u) => u !== undefined);
  for (const { path, text } of updates) if (text !== tree.read(path, 'utf-8')) tree.write(path, text);
  reportWhatIsLeft(options.project.name, updates.flatMap((u) => u.left));
  if (!schema.skipFormat) await formatFiles(tree);
  return () => undefined;
}

function normalizeOptions(tree: Tree, schema: MetadataGeneratorSchema): NormalizedOptions {
  const project = findTreeProject(tree, schema.project);
  const read = (name: string) => {
    const path = inProject(project.root, name);
    return tree.exists(path) ? { path, text: tree.read(path, 'utf-8') ?? '' } : undefined;
  };
  const pkg = read('package.json');
  const py = read('pyproject.toml');
  if (!pkg && !py) throw new ShipshapeError(`project "${project.name}" has neither a package.json nor a pyproject.toml to complete`, project.root);
  const options: NormalizedOptions = { project, sources: readMetadataSources(tree, project.root) };
  if (pkg) {
    const data = parseJson<unknown>(pkg.text, pkg.path);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ShipshapeError('package.json must hold a JSON object', pkg.path);
    options.packageJson = { ...pkg, data: data as Record<string, unknown> };
  }
  if (py) options.pyproject = { ...py, data: parseToml<PyProject>(py.text, py.path) };
  return options;
}

function planPackageJsonUpdate(tree: Tree, { packageJson, project, sources }: NormalizedOptions) {
  if (!packageJson) return undefined;
  const { edits, left } = planPackageJson(packageJson.data, treeView(tree, project.root), sources);
  return { path: packageJson.path, text: editJson(packageJson.text, edits), left: left.map((l) => `${packageJson.path} ${l}`) };
}

function planPyprojectUpdate({ pyproject, project, sources }: NormalizedOptions) {
  if (!pyproject) return undefined;
  const table = pyproject.data.project;
  if (!table) return { path: pyproject.path, text: pyproject.text, left: [`${pyproject.path} has no [project] table: write its name and version first`] };
  const { edits, left } = planPyproject(table, project.root, sources);
  return { path: pyproject.path, text: editToml(pyproject.text, edits), left: left.map((l) => `${pyproject.path} ${l}`) };
}

function reportWhatIsLeft(project: string, left: string[]) {
  if (left.length === 0) return;
  logger.warn(`Shipshape left some metadata of ${project} for you to write:\n${left.map((l) => `  - ${l}`).join('\n')}`);
}

export default metadataGenerator;
