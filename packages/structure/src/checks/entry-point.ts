import { defineCheck, packageJson, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { packageJsonFinding } from '../metadata/manifest-findings';
import { entryPoints, mainEntry } from '../typescript/entry-points';
import { rootPathAliases } from '../typescript/root-path-aliases';

function run(project: ShipshapeProject): FindingInput[] {
  const manifest = project.get(packageJson);
  if (!manifest) return [];
  const findings: FindingInput[] = [];
  for (const entry of project.get(entryPoints)) {
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
  if (!project.get(mainEntry)) {
    findings.push(
      packageJsonFinding(
        manifest,
        ['main'],
        'the package has no entry point: no "exports", "main" or "types" that leads to a source file, and no src/index.ts',
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
    'Every entry point package.json declares (main, module, types, browser, bin, each path of the exports map) exists, or is the build output of a source file that does (dist/index.js of src/index.ts); the workspace tsconfig path aliases into the project point at files that exist; the package has an entry point at all.',
  run,
});
