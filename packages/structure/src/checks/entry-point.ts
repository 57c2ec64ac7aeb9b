import { defineCheck, diskView, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { packageJsonFinding } from '../metadata/manifest-findings';
import { entryPoints, mainSourceEntry } from '../typescript/entry-points';
import { workspacePathAliases } from '../typescript/workspace-packages';

function run(project: ShipshapeProject): FindingInput[] {
  const manifest = project.packageJson();
  if (!manifest) return [];
  const view = diskView(project);
  const findings: FindingInput[] = [];
  for (const entry of entryPoints(view, manifest.data)) {
    if (entry.exists || entry.source) continue;
    findings.push(
      packageJsonFinding(
        manifest,
        entry.field,
        `package.json ${entry.field.map((f) => (typeof f === 'number' ? `[${f}]` : `"${f}"`)).join(' > ')} points at ${entry.target}, which does not exist and no source file builds it`,
        `missing:${entry.field.join('.')}`,
      ),
    );
  }
  if (!mainSourceEntry(view, manifest.data)) {
    findings.push(packageJsonFinding(manifest, ['main'], 'the package has no entry point: no "exports", "main" or "types" that leads to a source file, and no src/index.ts', 'no-entry'));
  }
  return [...findings, ...brokenAliases(project, view.isFile)];
}

/** tsconfig path aliases into this project that point at files that do not exist. */
function brokenAliases(project: ShipshapeProject, isFile: (path: string) => boolean): FindingInput[] {
  const paths = workspacePathAliases(project.workspaceRoot);
  if (!paths) return [];
  return paths.aliases.flatMap(({ alias, targets, line }) =>
    targets
      .filter((t) => !t.includes('*') && (t === project.root || t.startsWith(`${project.root}/`)) && /\.[cm]?[jt]sx?$/.test(t) && !isFile(t))
      .map((t) => ({ message: `${paths.file} maps "${alias}" to ${t}, which does not exist`, file: paths.file, line, column: 1, key: `alias:${alias}` })),
  );
}

export default defineCheck({
  id: 'structure/entry-point',
  title: 'The entry points package.json and tsconfig name exist',
  planItem: 'structure/directory-layout',
  languages: ['typescript'],
  severity: 'warning',
  description:
    'Every entry point package.json declares (main, module, types, browser, bin, each path of the exports map) exists, or is the build output of a source file that does (dist/index.js of src/index.ts); the workspace tsconfig path aliases into the project point at files that exist; the package has an entry point at all.',
  run,
});
