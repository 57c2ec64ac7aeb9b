import { buildOutputs, defineCheck, packageJson, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { packageJsonFinding } from '../metadata/manifest-findings';
import { entryPoints, mainEntry } from '../typescript/entry-points';
import { rootPathAliases } from '../typescript/root-path-aliases';

const fieldPath = (field: (string | number)[]) => field.map((f) => (typeof f === 'number' ? `[${f}]` : `"${f}"`)).join(' > ');

function run(project: ShipshapeProject): FindingInput[] {
  const manifest = project.get(packageJson);
  if (!manifest) return [];
  const outputs = project.get(buildOutputs);
  const findings: FindingInput[] = [];
  for (const entry of project.get(entryPoints)) {
    // Built from a known source (or there): fine, built or not. A pattern names no one file.
    if (entry.exists || entry.source || entry.pattern || entry.kind === 'other') continue;
    const at = (message: string, severity?: 'info') => ({
      ...packageJsonFinding(
        manifest,
        entry.field,
        `package.json ${fieldPath(entry.field)} points at ${entry.target}, ${message}`,
        `missing:${entry.field.join('.')}`,
      ),
      ...(severity ? { severity } : {}),
    });
    findings.push(
      outputs.hasBuild
        ? at('which is not built yet, and no source file could be matched to it: check that the build writes it', 'info')
        : at('which does not exist, and the package has no build (no build script, no build tool config) that would write it'),
    );
  }
  const bins = project.get(entryPoints).some((e) => e.field[0] === 'bin');
  if (!project.get(mainEntry) && !bins && manifest.data.private !== true) {
    findings.push(
      packageJsonFinding(
        manifest,
        ['main'],
        'the package has no entry point: no "exports", "main", "types" or "bin" that leads to a source file, and no src/index.ts',
        'no-entry',
      ),
    );
  }
  return [...findings, ...brokenAliases(project)];
}

/** tsconfig path aliases into this project that point at files that do not exist. */
function brokenAliases(project: ShipshapeProject): FindingInput[] {
  return project
    .get(rootPathAliases)
    .flatMap(({ alias, targets, file, line }) =>
      targets
        .filter(
          (t) =>
            !t.includes('*') &&
            (t === project.root || t.startsWith(`${project.root}/`)) &&
            /\.[cm]?[jt]sx?$/.test(t) &&
            !project.workspace.source.isFile(t),
        )
        .map((t) => ({ message: `${file} maps "${alias}" to ${t}, which does not exist`, file, line, column: 1, key: `alias:${alias}` })),
    );
}

export default defineCheck({
  id: 'structure/entry-point',
  title: 'The entry points package.json and tsconfig name exist',
  planItem: 'structure/directory-layout',
  languages: ['typescript'],
  severity: 'warning',
  requires: [packageJson],
  description:
    'Every entry point package.json declares (main, module, types, browser, bin, each path of the exports map) exists, or is the build output of a source file that does, as the build config says (tsc rootDir → outDir, bundler entries, format folders such as dist/esm); one that a build would write but Shipshape cannot match to a source is "not built yet" (info); the workspace tsconfig path aliases into the project point at files that exist; a published package has an entry point at all.',
  run,
});
