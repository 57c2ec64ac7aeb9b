import {
  defineCheck,
  isLibrarySource,
  projectRelative,
  typescriptSources,
  type FindingInput,
  type ShipshapeProject,
} from '@shipshape/core';

/** Entry modules some packages keep at their root on purpose. */
const ROOT_ENTRY = /^(index|main)\.[cm]?[jt]s$/;

function run(project: ShipshapeProject): FindingInput[] {
  const sources = project.get(typescriptSources).files;
  const relative = sources.map((f) => projectRelative(project.root, f));
  if (!relative.some((f) => f.startsWith('src/'))) return [];
  return sources
    .filter((_, i) => !relative[i].startsWith('src/') && isLibrarySource(relative[i]) && !ROOT_ENTRY.test(relative[i]))
    .map((file) => ({
      message: `${file} is source outside src/: the library build does not compile it and its tests do not see it; move it under src/, or into a tools project if it is a script`,
      file,
      line: 1,
      column: 1,
      key: projectRelative(project.root, file),
    }));
}

export default defineCheck({
  id: 'structure/sources-outside-src',
  title: 'TypeScript sources live under src/',
  planItem: 'structure/directory-layout',
  languages: ['typescript'],
  severity: 'warning',
  requires: [typescriptSources],
  description:
    'In a project with a src/ folder, every TS/JS source outside it (configuration files, tests and declaration files excepted) is a script or a leftover the library build does not see.',
  run,
});
