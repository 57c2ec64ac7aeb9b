import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as TypeScript from 'typescript';
import { defineCheck, defineFact, projectFiles, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { floorFinding } from '../shared/floors';
import { typesOptions } from './options';
import { absolutePath, librarySources, projectCompilerOptions } from './program';

/** The floor's name in api/floors.json. */
export const COVERAGE_FLOOR = 'typescript/type-coverage';

type CoverageCore = typeof import('type-coverage-core');

let loaded: { core: CoverageCore; typescript: typeof TypeScript } | undefined;

/** type-coverage-core, and the TypeScript it resolves (the user's), loaded on first use. */
function coverageLibrary(): { core: CoverageCore; typescript: typeof TypeScript } {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: it loads TypeScript
    const core = require('type-coverage-core') as CoverageCore;
    const from = dirname(require.resolve('type-coverage-core'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same TypeScript type-coverage-core uses
    const typescript = require(require.resolve('typescript', { paths: [from] })) as typeof TypeScript;
    loaded = { core, typescript };
  }
  return loaded;
}

/** Cannot find module 'x' (TS2307), and its variant suggesting another moduleResolution (TS2792). */
const UNRESOLVED_MODULE = new Set([2307, 2792]);

export interface TypeCoverage {
  /** Identifiers whose type is known (not `any`). */
  correct: number;
  total: number;
  /** Percent, 100 when there is nothing to count. */
  percent: number;
  /** Workspace-relative files measured. */
  files: string[];
  /** Modules imported by those files that the compiler cannot resolve: their uses count as typed, the figure is incomplete. */
  unresolved: string[];
}

/**
 * type-coverage's figure for the library's own sources (type-coverage-core's `lintSync` on the project's
 * compiler options, the user's TypeScript), read from the disk.
 */
export const typeCoverage = defineFact({
  id: 'api/type-coverage',
  inputs: [librarySources, projectFiles],
  compute: (project, sources): TypeCoverage | undefined => {
    // measured on the disk: only when the sources are there (not a generator's Tree in memory)
    if (sources.length === 0 || !sources.every((f) => existsSync(absolutePath(project, f)))) return undefined;
    const { core, typescript } = coverageLibrary();
    const options = projectCompilerOptions(project, typescript) as TypeScript.CompilerOptions;
    const roots = sources.map((f) => absolutePath(project, f));
    const declarations = project
      .get(projectFiles)
      .map((f) => f.file)
      .filter((f) => /\.d\.[cm]?ts$/.test(f) && !f.split('/').includes('node_modules'))
      .map((f) => absolutePath(project, f));
    const settings = typesOptions(project);
    const result = core.lintSync(options, [...roots, ...declarations], {
      files: roots,
      absolutePath: true,
      strict: settings.coverageStrict ?? false,
      ignoreCatch: settings.coverageIgnoreCatch ?? false,
      enableCache: false,
      fileCounts: false,
    });
    const unresolved = new Set<string>();
    for (const root of roots) {
      const source = result.program.getSourceFile(root);
      if (!source) continue;
      for (const diagnostic of result.program.getSemanticDiagnostics(source))
        if (UNRESOLVED_MODULE.has(diagnostic.code) && diagnostic.start !== undefined)
          unresolved.add(source.text.slice(diagnostic.start + 1, diagnostic.start + (diagnostic.length ?? 2) - 1));
    }
    if (result.totalCount === 0) return undefined;
    return {
      correct: result.correctCount,
      total: result.totalCount,
      percent: result.totalCount === 0 ? 100 : (result.correctCount * 100) / result.totalCount,
      files: sources,
      unresolved: [...unresolved].sort(),
    };
  },
});

function run(project: ShipshapeProject): FindingInput[] {
  const coverage = project.get(typeCoverage);
  if (!coverage) return [];
  const incomplete =
    coverage.unresolved.length > 0
      ? ` (incomplete: ${coverage.unresolved.length} imported module${coverage.unresolved.length > 1 ? 's do' : ' does'} not resolve, e.g. "${coverage.unresolved[0]}", and type-coverage counts their uses as typed; install the dependencies)`
      : '';
  const finding = floorFinding(
    project,
    COVERAGE_FLOOR,
    coverage.percent,
    `type coverage (${coverage.correct} of ${coverage.total} identifiers typed, type-coverage)`,
    'nx g @shipshape/api:explicit-types',
  );
  if (!finding) return [];
  // a figure measured without the dependencies cannot prove a fall
  const severity = finding.severity === 'error' && incomplete ? 'warning' : finding.severity;
  return [{ ...finding, message: `${finding.message}${incomplete}`, severity }];
}

export default defineCheck({
  id: 'api/type-coverage',
  title: 'Type coverage never falls',
  planItem: 'api/type-annotations',
  languages: ['typescript'],
  severity: 'info',
  fixedBy: '@shipshape/api:explicit-types',
  requires: [librarySources],
  description:
    "The share of identifiers of the library's own sources (its library tsconfig's files, tests and declarations left out) whose type is known, as the `type-coverage` package measures it (type-coverage-core, with the project's compiler options and the installed TypeScript), against a floor kept in api/floors.json that only ratchets up: an error when the figure falls below the floor, info when there is no floor yet or the figure rose a point above it (the explicit-types generator records it). When some imports do not resolve (dependencies not installed), type-coverage counts their uses as typed: the figure is said to be incomplete and a fall is only a warning.",
  run,
});
