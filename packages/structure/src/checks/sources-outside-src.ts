import {
  buildOutputs,
  defineCheck,
  isLibrarySource,
  matchesGlob,
  packageJson,
  projectRelative,
  type FindingInput,
  type ShipshapeProject,
} from '@shipshape/core';
import { projectSources } from '../typescript/project-sources';

/** Entry modules some packages keep at their root on purpose. */
const ROOT_ENTRY = /^(index|main)\.[cm]?[jt]s$/;
const PLAIN_JS = /\.[cm]?jsx?$/;

/** Plain-JS files the package ships as they are: named by package.json (a bin, an export) or published by its "files". */
function shippedAsIs(project: ShipshapeProject): (relative: string) => boolean {
  const named = new Set(
    project
      .get(buildOutputs)
      .entries.filter((e) => e.evidence === 'itself')
      .map((e) => e.source),
  );
  const files = project.get(packageJson)?.data.files;
  const published = (Array.isArray(files) ? files : []).filter((f): f is string => typeof f === 'string' && !f.startsWith('!'));
  return (relative) =>
    PLAIN_JS.test(relative) &&
    (named.has(project.file(relative)) ||
      published.some((p) => {
        const glob = p.replace(/^\.?\//, '').replace(/\/$/, '');
        return matchesGlob(relative, glob) || relative.startsWith(`${glob}/`);
      }));
}

function run(project: ShipshapeProject): FindingInput[] {
  const { files, excluded } = project.get(projectSources);
  const relative = files.map((f) => projectRelative(project.root, f));
  if (!relative.some((f) => f.startsWith('src/'))) return [];
  const shipped = shippedAsIs(project);
  return files
    .filter(
      (file, i) =>
        !relative[i].startsWith('src/') &&
        isLibrarySource(relative[i]) &&
        !ROOT_ENTRY.test(relative[i]) &&
        !shipped(relative[i]) &&
        !excluded.has(file),
    )
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
  requires: [projectSources],
  description:
    'In a project with a src/ folder, every TS/JS source outside it is a script or a leftover the library build does not see. Left out: build outputs (built or not), tests, fixtures, files the library tsconfig excludes, configuration and declaration files, and plain-JS files the package ships as they are (a bin, a file package.json exports or "files" publishes).',
  run,
});
