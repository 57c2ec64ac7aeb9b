import { defineCheck, errorMessage, packageJson, type FindingInput, type Severity, type ShipshapeProject } from '@shipshape/core';
import { packageJsonFinding } from '../metadata/manifest-findings';
import { runPublint } from '../metadata/run-publint';
import { entryPoints } from '../typescript/entry-points';
import entryPoint from './entry-point';
import packageJsonMetadata from './package-json-metadata';
import sideEffects from './side-effects';
import supportedRuntimes from './supported-runtimes';

const SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', suggestion: 'info' };

/** publint messages that a check this one requires already reports, with the generator that fixes them. */
const REPORTED_ELSEWHERE = new Set(['USE_ENGINES_NODE', 'USE_SIDE_EFFECTS', 'USE_LICENSE']);

/** publint messages about the files an entry names, which a build not run yet has not written. */
const ABOUT_FILES = new Set(['FILE_DOES_NOT_EXIST', 'EXPORTS_GLOB_NO_MATCHED_FILES', 'FILE_NOT_PUBLISHED', 'BIN_FILE_NOT_EXECUTABLE']);

/**
 * Why publint failed, in the user's terms: publint's own wording names its temporary pack folder ("Failed to find
 * packed tarball in /tmp/…"), which means nothing to a user and changes on every run; `npm pack` failed there.
 */
function whyPublintFailed(error: unknown): string {
  const first = errorMessage(error).split('\n')[0];
  return /packed tarball|publint-pack|[\\/]tmp[\\/]/i.test(first)
    ? '`npm pack --dry-run` did not produce the package (run it in the project folder to see why)'
    : first;
}

async function run(project: ShipshapeProject): Promise<FindingInput[]> {
  const manifest = project.get(packageJson);
  if (!manifest || manifest.data.private === true) return [];
  let messages;
  try {
    ({ messages } = await runPublint(project.absRoot, manifest.data));
  } catch (error) {
    return [packageJsonFinding(manifest, [], `publint could not lint the packed package: ${whyPublintFailed(error)}`, 'publint-failed')];
  }
  const entries = project.get(entryPoints);
  const entryAt = (path: string[]) => entries.find((e) => e.field.join('\0') === path.join('\0'));
  // structure/entry-point reports entry points that are missing; what publint says of a build output not built yet
  // (a missing file, a glob that matches nothing) is about the state of the folder, not about the package.
  const notBuiltYet = (code: string, path: string[]) => {
    const entry = entryAt(path);
    return ABOUT_FILES.has(code) && entry !== undefined && entry.output && !entry.exists;
  };
  return messages
    .filter((m) => !REPORTED_ELSEWHERE.has(m.code))
    .filter((m) => !(m.code === 'FILE_DOES_NOT_EXIST' && entryAt(m.path)) && !notBuiltYet(m.code, m.path))
    .map((m) => ({
      ...packageJsonFinding(manifest, m.path, `publint ${m.code}: ${m.text}`, `${m.code}:${m.path.join('.')}`),
      severity: SEVERITY[m.type] ?? 'warning',
    }));
}

export default defineCheck({
  id: 'structure/publint',
  title: 'publint finds no packaging problem in the packed package',
  planItem: 'structure/package-metadata',
  languages: ['typescript'],
  severity: 'warning',
  requires: [packageJson, entryPoint, supportedRuntimes, sideEffects, packageJsonMetadata],
  description:
    "Runs publint (as a library) on the files `npm pack` would publish (listed in process by npm's own lister, npm-packlist; `npm pack` is spawned only for a package that bundles dependencies) and reports its messages at the package.json field they are about, with publint's severity (suggestions as info). Private packages are skipped; missing entry points are left to structure/entry-point, which tells a build output not built yet from a missing file; the messages structure/supported-runtimes, structure/side-effects and structure/package-json-metadata already report are left out.",
  run,
});
