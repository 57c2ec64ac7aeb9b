import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as TypeScript from 'typescript';
import {
  defineCheck,
  defineFact,
  defineWorkspaceFact,
  PART_FILE_LIMIT,
  partsOf,
  projectFiles,
  sharedCompilerHost,
  type FindingInput,
  type ShipshapeProject,
  type ShipshapeWorkspace,
} from '@shipshape/core';
import { floorFinding } from '../shared/floors';
import { typesOptions } from './options';
import { absolutePath, librarySources, projectCompilerOptions, withoutOutputLocations } from './program';

/** The floor's name in api/floors.json. */
export const COVERAGE_FLOOR = 'typescript/type-coverage';

type CoverageCore = typeof import('type-coverage-core');

let loaded: { core: CoverageCore; typescript: typeof TypeScript } | undefined;

/**
 * type-coverage-core, and the TypeScript it resolves (the user's), loaded on first use. Its programs are built with
 * core's sharedCompilerHost (type-coverage-core takes no host): a process that measures again (a batch's next part,
 * the audit service's next batch) parses the lib files and unchanged sources once.
 */
function coverageLibrary(): { core: CoverageCore; typescript: typeof TypeScript } {
  if (!loaded) {
    const entry = require.resolve('type-coverage-core');
    const typescriptPath = require.resolve('typescript', { paths: [dirname(entry)] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same TypeScript type-coverage-core uses
    const typescript = require(typescriptPath) as typeof TypeScript;
    const core = requireWith(entry, typescriptPath, sharingParsedFiles(typescript)) as CoverageCore;
    loaded = { core, typescript };
  }
  return loaded;
}

/** `typescript` whose createProgram, when it is given no compiler host, builds with a shared one. */
function sharingParsedFiles(typescript: typeof TypeScript): typeof TypeScript {
  const createProgram = (
    rootNames: readonly string[],
    options: TypeScript.CompilerOptions,
    host?: TypeScript.CompilerHost,
    ...rest: [TypeScript.Program?]
  ) =>
    Array.isArray(rootNames) && host === undefined
      ? typescript.createProgram(rootNames, options, sharedCompilerHost<TypeScript.CompilerHost>(typescript, options), ...rest)
      : (typescript.createProgram as (...args: unknown[]) => TypeScript.Program)(rootNames, options, host, ...rest);
  // TypeScript's exports are getters: the others are read through the prototype, this one is the object's own.
  const sharing: unknown = Object.create(typescript, { createProgram: { value: createProgram, enumerable: true } });
  return sharing as typeof TypeScript;
}

/**
 * Loads `entry` with the module at `dependencyPath` seen as `dependency` by the modules it loads now; others still
 * get the real one. When either is loaded already (or the module cache is not Node's), `entry` loads as it is.
 */
function requireWith(entry: string, dependencyPath: string, dependency: unknown): unknown {
  const cached = require.cache[dependencyPath];
  if (!cached || require.cache[entry]) return require(entry); // eslint-disable-line @typescript-eslint/no-require-imports -- as above
  const real: unknown = cached.exports;
  cached.exports = dependency;
  try {
    return require(entry); // eslint-disable-line @typescript-eslint/no-require-imports -- loaded on first use: it loads TypeScript
  } finally {
    cached.exports = real;
  }
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

/** What one program measures for one project: the files it counts and the declarations it reads besides. */
interface Measured {
  project: ShipshapeProject;
  sources: string[];
}

/** The project's sources and hand-written declarations, when they are on the disk (not a generator's Tree in memory). */
function measurable(project: ShipshapeProject): Measured | undefined {
  const sources = project.get(librarySources);
  if (sources.length === 0 || !sources.every((f) => existsSync(absolutePath(project, f)))) return undefined;
  return { project, sources };
}

function declarationsOf(project: ShipshapeProject): string[] {
  return project
    .get(projectFiles)
    .map((f) => f.file)
    .filter((f) => /\.d\.[cm]?ts$/.test(f) && !f.split('/').includes('node_modules'))
    .map((f) => absolutePath(project, f));
}

/** The compiler options a measurement runs with, and the key of the projects that can share one program. */
function settingsOf(project: ShipshapeProject, typescript: typeof TypeScript) {
  const options = withoutOutputLocations(projectCompilerOptions(project, typescript)) as TypeScript.CompilerOptions;
  const types = typesOptions(project);
  const lint = { strict: types.coverageStrict ?? false, ignoreCatch: types.coverageIgnoreCatch ?? false };
  return { options, lint, key: JSON.stringify([options, lint]) };
}

/**
 * type-coverage's figures (type-coverage-core's `lintSync`, the user's TypeScript) for projects that share their
 * compiler options, in one program: the lib files and the shared dependencies are parsed and checked once.
 */
function measure(
  group: Measured[],
  typescript: typeof TypeScript,
  settings: ReturnType<typeof settingsOf>,
): Map<string, TypeCoverage | undefined> {
  const { core } = coverageLibrary();
  const roots = group.flatMap(({ project, sources }) => sources.map((f) => absolutePath(project, f)));
  const result = core.lintSync(settings.options, [...roots, ...group.flatMap(({ project }) => declarationsOf(project))], {
    files: roots,
    absolutePath: true,
    strict: settings.lint.strict,
    ignoreCatch: settings.lint.ignoreCatch,
    enableCache: false,
    fileCounts: true,
  });
  const figures = new Map<string, TypeCoverage | undefined>();
  for (const { project, sources } of group) {
    let correct = 0;
    let total = 0;
    const unresolved = new Set<string>();
    for (const root of sources.map((f) => absolutePath(project, f))) {
      const counts = result.fileCounts.get(root);
      correct += counts?.correctCount ?? 0;
      total += counts?.totalCount ?? 0;
      const source = result.program.getSourceFile(root);
      if (!source) continue;
      for (const diagnostic of result.program.getSemanticDiagnostics(source))
        if (UNRESOLVED_MODULE.has(diagnostic.code) && diagnostic.start !== undefined)
          unresolved.add(source.text.slice(diagnostic.start + 1, diagnostic.start + (diagnostic.length ?? 2) - 1));
    }
    figures.set(
      project.root,
      total === 0 ? undefined : { correct, total, percent: (correct * 100) / total, files: sources, unresolved: [...unresolved].sort() },
    );
  }
  return figures;
}

/**
 * The figures of every TypeScript project a batch audits (Nx's batch mode): projects with the same compiler
 * options are measured in one program. A project's own relative imports resolve as they would alone; what
 * could differ is a global augmentation (`declare global`) of one project seen by another of its group.
 */
const batchTypeCoverage = defineWorkspaceFact({
  id: 'api/batch-type-coverage',
  compute: (workspace): Map<string, TypeCoverage | undefined> => {
    const { typescript } = coverageLibrary();
    const figures = new Map<string, TypeCoverage | undefined>();
    for (const { settings, members } of coverageGroups(workspace, typescript))
      for (const [root, figure] of measure(members, typescript, settings)) figures.set(root, figure);
    return figures;
  },
});

/**
 * The batch's measurable TypeScript projects, grouped by the compiler options and settings they are measured with,
 * each group cut into parts of at most `fileLimit` source files (a project with more is a part of its own).
 */
export function coverageGroups(
  workspace: ShipshapeWorkspace,
  typescript: typeof TypeScript = coverageLibrary().typescript,
  fileLimit = PART_FILE_LIMIT,
): { settings: ReturnType<typeof settingsOf>; members: Measured[] }[] {
  const groups = new Map<string, { settings: ReturnType<typeof settingsOf>; members: Measured[] }>();
  for (const member of workspace.batch) {
    const project = workspace.project(member);
    let measured: Measured | undefined;
    try {
      measured = measurable(project);
    } catch {
      continue; // the project's own audit reports why
    }
    if (!measured) continue;
    const settings = settingsOf(project, typescript);
    const group = groups.get(settings.key) ?? { settings, members: [] };
    group.members.push(measured);
    groups.set(settings.key, group);
  }
  return [...groups.values()].flatMap(({ settings, members }) =>
    partsOf(members, (member) => member.sources.length, fileLimit).map((part) => ({ settings, members: part })),
  );
}

/**
 * type-coverage's figure for the library's own sources (type-coverage-core's `lintSync` on the project's
 * compiler options, the user's TypeScript), read from the disk.
 */
export const typeCoverage = defineFact({
  id: 'api/type-coverage',
  inputs: [librarySources, projectFiles],
  compute: (project): TypeCoverage | undefined => {
    // measured on the disk: only when the sources are there (not a generator's Tree in memory)
    const measured = measurable(project);
    if (!measured) return undefined;
    if (project.inBatch()) {
      const figures = project.get(batchTypeCoverage);
      if (figures.has(project.root)) return figures.get(project.root);
    }
    const { typescript } = coverageLibrary();
    return measure([measured], typescript, settingsOf(project, typescript)).get(project.root);
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
