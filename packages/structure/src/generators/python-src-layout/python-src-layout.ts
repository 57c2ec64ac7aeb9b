import { posix } from 'node:path';
import {
  defineFixGenerator,
  editJson,
  editToml,
  parseJson,
  projectFiles,
  projectRelative,
  pyproject,
  pythonFiles,
  pythonPackages,
  ShipshapeError,
  type ShipshapeProject,
} from '@shipshape/core';
import { refuseWrongKinds } from '../../metadata/field-kinds';
import { editableText } from '../../utils/editable-text';
import { buildConfigEdits, buildConfigProblems } from './build-config';
import type { PythonSrcLayoutGeneratorSchema } from './schema';

/** The flat packages to move (workspace-relative folders), each checked to have a free place under src/. */
function flatPackages(project: ShipshapeProject): string[] {
  const packages = project.get(pythonPackages).folders.filter((p) => !projectRelative(project.root, p).startsWith('src/'));
  for (const folder of packages) {
    const target = project.file(`src/${posix.basename(folder)}`);
    if (project.workspace.source.exists(target))
      throw new ShipshapeError(`cannot move ${folder} to ${target}: ${target} already exists`, target);
  }
  return packages;
}

/** project.json's sourceRoot, when it names a moved package. */
function sourceRootChange(project: ShipshapeProject, packages: string[]): { path: string; content: string } | undefined {
  const path = project.file('project.json');
  const read = project.workspace.source.read(path);
  if (read === undefined) return undefined;
  const sourceRoot = parseJson<{ sourceRoot?: unknown }>(read, path).sourceRoot;
  if (typeof sourceRoot !== 'string' || !packages.some((p) => sourceRoot === p || sourceRoot.startsWith(`${p}/`))) return undefined;
  const text = editableText(project.workspace.source, path);
  return {
    path,
    content: editJson(text, [{ path: ['sourceRoot'], value: project.file(`src/${projectRelative(project.root, sourceRoot)}`) }], path),
  };
}

/** Imports by package name do not change; scripts at the project root that import the package now need it installed. */
function rootImporters(project: ShipshapeProject, packages: string[]): string[] {
  const names = packages.map((p) => posix.basename(p));
  const importers = project
    .get(pythonFiles)
    .filter((f) => !packages.some((p) => f.startsWith(`${p}/`)) && !projectRelative(project.root, f).startsWith('src/'))
    .filter((f) => names.some((n) => new RegExp(`^\\s*(from|import)\\s+${n}\\b`, 'm').test(project.workspace.source.read(f) ?? '')));
  return importers.length > 0
    ? [
        `These files import ${names.join(', ')} from the working copy and now need the package installed (pip install -e ${project.root}): ${importers.join(', ')}`,
      ]
    : [];
}

/** Config files that may name a package's folder by path: the move does not edit them, so their references are listed. */
const PATH_CONFIGS = [
  'pyproject.toml',
  'setup.cfg',
  'setup.py',
  'tox.ini',
  'MANIFEST.in',
  'noxfile.py',
  'mypy.ini',
  '.coveragerc',
  'pytest.ini',
  'Makefile',
];

/** Lines of the project's configs that name a moved folder as a path (`include = ["rich/py.typed"]`, `files = ["rich"]`). */
function pathReferences(project: ShipshapeProject, packages: string[], edited: readonly string[][], nameKeys: readonly string[]): string[] {
  const names = packages.map((p) => posix.basename(p));
  // `name = "rich"` names the distribution, and setuptools' `packages` (with package-dir) import names: not paths.
  const editedKeys = [...edited.map((path) => path.at(-1)), 'name', ...nameKeys];
  const found: string[] = [];
  for (const config of PATH_CONFIGS) {
    const file = project.file(config);
    const lines = (project.workspace.source.read(file) ?? '').split('\n');
    lines.forEach((line, i) => {
      const key = /^\s*([\w.-]+)\s*=/.exec(line)?.[1];
      if (key && editedKeys.includes(key)) return;
      if (names.some((n) => new RegExp(`(^|[\\s"'\\[=,(:])\\.?/?${n}(/|["'\\],)]|\\s*$)`).test(line))) found.push(`${file}:${i + 1}`);
    });
  }
  return found.length > 0
    ? [`These lines name a moved folder by its old path and may need src/ in front (not edited): ${found.join(', ')}`]
    : [];
}

/** `nx g @shipshape/structure:python-src-layout --project=x`: flat layout to src layout, every move listed. */
export const pythonSrcLayoutGenerator = defineFixGenerator<PythonSrcLayoutGeneratorSchema>({
  name: '@shipshape/structure:python-src-layout',
  fix: ({ project }) => {
    const manifest = project.get(pyproject);
    if (!manifest) throw new ShipshapeError(`project "${project.name}" has no pyproject.toml: it is not a Python project`, project.root);
    const packages = flatPackages(project);
    if (packages.length === 0) return { done: [`${project.name} already has its packages under src/: nothing to move`] };
    refuseWrongKinds(manifest.path, buildConfigProblems(manifest.data));
    const moves = project
      .get(projectFiles)
      .filter(({ file }) => packages.some((p) => file.startsWith(`${p}/`)))
      .map(({ file }) => ({ from: file, to: project.file(`src/${projectRelative(project.root, file)}`) }));
    const build = buildConfigEdits(
      manifest.data,
      packages.map((p) => projectRelative(project.root, p)),
    );
    const sourceRoot = sourceRootChange(project, packages);
    return {
      moves,
      changes: [
        ...(build.edits.length > 0
          ? [{ path: manifest.path, content: editToml(editableText(project.workspace.source, manifest.path), build.edits, manifest.path) }]
          : []),
        ...(sourceRoot ? [sourceRoot] : []),
      ],
      done: moves.map(({ from, to }) => `move ${from} -> ${to}`),
      left: [
        ...build.notes,
        ...rootImporters(project, packages),
        ...pathReferences(
          project,
          packages,
          build.edits.map((e) => e.path),
          build.names,
        ),
      ],
    };
  },
});

export default pythonSrcLayoutGenerator;
