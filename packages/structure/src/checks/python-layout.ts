import { posix } from 'node:path';
import {
  dataAt,
  defineCheck,
  locateToml,
  projectFiles,
  projectRelative,
  pyproject,
  pythonPackages,
  type FindingInput,
  type ShipshapeProject,
} from '@shipshape/core';

const MOVE_TO_SRC = (project: ShipshapeProject) => ({
  generator: '@shipshape/structure:python-src-layout',
  options: { project: project.name },
  description: 'moves the packages at the project root into src/ (run it by name; --dry-run lists every move)',
});

function run(project: ShipshapeProject): FindingInput[] {
  const manifest = project.get(pyproject);
  if (!manifest) return [];
  const layout = project.get(pythonPackages);
  const at = locateToml(manifest.text, ['project']) ?? { line: 1, column: 1 };
  const file = manifest.path;
  const names = layout.folders.map((p) => posix.basename(p)).join(', ');
  switch (layout.layout) {
    case 'flat':
      return [
        {
          message: `flat layout: the import package ${names} sits at the project root, so tests and scripts import the working copy instead of the installed package; the src layout (src/${posix.basename(layout.folders[0])}) avoids that (nx g @shipshape/structure:python-src-layout moves it)`,
          file,
          ...at,
          key: 'flat',
          severity: 'info',
          fix: MOVE_TO_SRC(project),
        },
      ];
    case 'mixed':
      return [
        {
          message: `mixed layout: packages both under src/ and at the project root (${layout.folders.map((p) => projectRelative(project.root, p)).join(', ')}); keep every import package under src/`,
          file,
          ...at,
          key: 'mixed',
          fix: MOVE_TO_SRC(project),
        },
      ];
    case 'none':
      return [
        {
          message: 'no import package found: no folder with Python modules under src/ or at the project root',
          file,
          ...at,
          key: 'none',
          severity: 'info',
        },
      ];
    default:
      return declaredPackageMismatch(project, layout.folders, file, manifest.text, manifest.data);
  }
}

/** hatch's wheel `packages` naming a folder that is not where the package is. */
function declaredPackageMismatch(
  project: ShipshapeProject,
  packages: string[],
  file: string,
  text: string,
  data: Record<string, unknown>,
): FindingInput[] {
  const declared = dataAt(data, ['tool', 'hatch', 'build', 'targets', 'wheel', 'packages']);
  if (!Array.isArray(declared)) return [];
  const actual = packages.map((p) => projectRelative(project.root, p));
  const wrong = declared.filter(
    (d): d is string =>
      typeof d === 'string' &&
      !actual.includes(d.replace(/\/+$/, '')) &&
      !project.get(projectFiles).some((f) => f.file.startsWith(`${project.file(d)}/`)),
  );
  return wrong.map((d) => ({
    message: `[tool.hatch.build.targets.wheel] packages lists "${d}", which is not a package folder (the packages are ${actual.join(', ')}): the wheel would not contain the code`,
    file,
    ...(locateToml(text, ['tool', 'hatch', 'build', 'targets', 'wheel', 'packages']) ?? { line: 1, column: 1 }),
    key: `wheel-packages:${d}`,
  }));
}

export default defineCheck({
  id: 'structure/python-layout',
  title: 'The Python project uses one layout, preferably src',
  planItem: 'structure/directory-layout',
  languages: ['python'],
  severity: 'warning',
  requires: [pyproject, pythonPackages],
  description:
    'Reports the layout of a Python project: src (packages under src/), flat (packages at the project root: reported as info, with the generator that moves it), or mixed (a warning); and a hatch wheel configuration that names folders where no package is.',
  run,
});
