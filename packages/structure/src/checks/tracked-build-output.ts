import { defineCheck, projectRelative, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { trackedFiles } from '../metadata/git';

/** Build leftovers: what a build or a test run writes, which belongs in .gitignore, not in git. */
const LEFTOVER = /(^|\/)(build|dist|out-tsc|__pycache__|[^/]+\.egg-info)\/|\.(pyc|pyo|tsbuildinfo)$/;

function run(project: ShipshapeProject): FindingInput[] {
  const tracked = project.get(trackedFiles);
  if (!tracked) return [];
  const byLeftover = new Map<string, string>();
  for (const file of tracked) {
    const match = LEFTOVER.exec(projectRelative(project.root, file));
    if (!match) continue;
    const rel = projectRelative(project.root, file);
    const what = match[2] ? rel.slice(0, rel.indexOf(`${match[2]}/`) + match[2].length + 1) : `*.${match[3]}`;
    if (!byLeftover.has(what)) byLeftover.set(what, file);
  }
  return [...byLeftover].map(([what, file]) => ({
    message: `${what} is build output tracked by git (e.g. ${file}): remove it from git (git rm -r --cached) and add it to .gitignore`,
    file,
    line: 1,
    column: 1,
    key: what,
  }));
}

export default defineCheck({
  id: 'structure/tracked-build-output',
  title: 'No build output tracked by git',
  planItem: 'structure/directory-layout',
  languages: ['python', 'typescript'],
  severity: 'warning',
  description:
    'build/, dist/, *.egg-info/, __pycache__/, *.pyc and *.tsbuildinfo files committed to git go stale and confuse packaging. Outside a git repository the check has nothing to say.',
  run,
});
