import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { GeneratorCallback, Tree } from '@nx/devkit';
import type { OptionsSection } from '../config/options';
import type { WorkspaceGraph } from '../facts/workspace-graph';
import { isCheck, type Check } from '../model/check';
import { findPlanItem } from '../model/plan';
import { dryRunProblems } from './dry-run';
import { diskProject } from './projects';
import { schemaDisagreements } from './schema-agreement';

type Generator = (tree: Tree, options: Record<string, unknown>) => Promise<GeneratorCallback | void> | GeneratorCallback | void;

export interface ConformanceSpec {
  /** The package's folder: package.json, generators.json, executors.json, src/. */
  packageRoot: string;
  /** The package's registered checks (its `checks` export). */
  checks: readonly Check[];
  /** A fixture workspace (a folder) the checks and generators are tried on. */
  fixture: string;
  /** Per check id: the project root in the fixture where it finds something, and one where it stays quiet. */
  checkFixtures: Record<string, { finds: string; quiet: string }>;
  /** Per generator of generators.json: the option sets to run it with on the fixture (each must be idempotent and write nothing to disk). */
  generatorRuns: Record<string, Array<Record<string, unknown>>>;
  /** The package's options sections, as its checks and generators read them. */
  sections?: readonly OptionsSection[];
  /** Options for the audits of the check fixtures. */
  options?: unknown;
  /** Nx's project graph of the fixture (projects, tags and edges), for checks that look past their project. */
  graph?: WorkspaceGraph;
}

interface Collection {
  generators?: Record<string, { factory?: string; implementation?: string; schema?: string }>;
  executors?: Record<string, { implementation?: string; schema?: string }>;
}

function readCollection(packageRoot: string, file: string): Collection {
  const path = join(packageRoot, file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Collection) : {};
}

/** A built path of the collection (`./dist/generators/x/x`) as the source the tests load (`src/generators/x/x`). */
function sourcePath(packageRoot: string, built: string): string {
  return join(packageRoot, built.replace(/^\.\/dist\//, './src/'));
}

function loadGenerator(packageRoot: string, factory: string): Generator {
  const [path, exportName] = factory.split('#');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the collection names the module at run time, as Nx loads it
  const loaded = require(sourcePath(packageRoot, path)) as Record<string, unknown>;
  const found = exportName ? loaded[exportName] : (loaded.default ?? Object.values(loaded).find((v) => typeof v === 'function'));
  if (typeof found !== 'function') throw new Error(`${factory} exports no generator function`);
  return found as Generator;
}

/** Check files of the package (src/checks/*) and the checks they declare. */
function declaredChecks(packageRoot: string): Array<{ file: string; check: Check }> {
  const dir = join(packageRoot, 'src', 'checks');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.[cm]?[jt]s$/.test(name) && !/\.(spec|test)\.|\.d\.[cm]?ts$/.test(name))
    .flatMap((name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- every check file, as the registry would load it
      const loaded = require(join(dir, name)) as Record<string, unknown>;
      return Object.values(loaded)
        .filter((value): value is Check => typeof value === 'object' && value !== null && isCheck(value as Check))
        .map((check) => ({ file: `src/checks/${name}`, check }));
    });
}

/** What the conformance suite reads of a package: its name and its generators.json / executors.json. */
function readPackage(spec: ConformanceSpec) {
  const manifest = JSON.parse(readFileSync(join(spec.packageRoot, 'package.json'), 'utf8')) as { name: string };
  return {
    name: manifest.name,
    generators: readCollection(spec.packageRoot, 'generators.json').generators ?? {},
    executors: readCollection(spec.packageRoot, 'executors.json').executors ?? {},
  };
}

/** Check files whose checks are not in the package's `checks` list, and ids registered twice. */
export function registrationProblems(spec: ConformanceSpec): string[] {
  const registered = new Set(spec.checks);
  const missing = declaredChecks(spec.packageRoot)
    .filter(({ check }) => !registered.has(check))
    .map(({ file, check }) => `${check.id} (${file}) is not registered`);
  const ids = spec.checks.map((c) => c.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${id} is registered twice`);
  return [...missing, ...twice];
}

/** Plan items that are not in the plan, fixes by generators the package does not have, requirements that are not registered. */
export function declarationProblems(spec: ConformanceSpec): string[] {
  const { name, generators } = readPackage(spec);
  const registered = new Set(spec.checks);
  return spec.checks.flatMap((check) => [
    ...(findPlanItem(check.planItem) ? [] : [`${check.id}: plan item "${check.planItem}" is not in the plan`]),
    ...(check.fixedBy?.startsWith(`${name}:`) && !(check.fixedBy.slice(name.length + 1) in generators)
      ? [`${check.id}: fixedBy "${check.fixedBy}" is not a generator of ${name}'s generators.json`]
      : []),
    ...(check.requires ?? [])
      .filter((r) => isCheck(r) && !registered.has(r))
      .map((r) => `${check.id} requires ${(r as Check).id}, which is not registered`),
  ]);
}

/** Every generator's and executor's schema.json against its schema.d.ts. */
export function schemaProblems(spec: ConformanceSpec): string[] {
  const { generators, executors } = readPackage(spec);
  const schemas = [
    ...Object.entries(generators).map(([name, g]) => ({ label: `generator ${name}`, schema: g.schema })),
    ...Object.entries(executors).map(([name, e]) => ({ label: `executor ${name}`, schema: e.schema })),
  ];
  return schemas.flatMap(({ label, schema }) => {
    if (typeof schema !== 'string') return [`${label} has no schema`];
    const json = sourcePath(spec.packageRoot, schema);
    const declaration = json.replace(/\.json$/, '.d.ts');
    if (!existsSync(declaration)) return [`${label}: ${relative(spec.packageRoot, declaration)} is missing`];
    return schemaDisagreements(json, declaration).map((problem) => `${label}: ${problem}`);
  });
}

/** Checks without a finding and a quiet fixture, generators without a run on the fixture. */
export function fixtureProblems(spec: ConformanceSpec): string[] {
  const { generators } = readPackage(spec);
  return [
    ...spec.checks.filter((c) => !spec.checkFixtures[c.id]).map((c) => `${c.id} has no finding and quiet fixture`),
    ...Object.keys(generators)
      .filter((name) => !spec.generatorRuns[name]?.length)
      .map((name) => `generator ${name} has no run on the fixture`),
  ];
}

/** Runs a generator twice on a Tree over a copy of the fixture: what it wrote to the disk (must be nothing) and whether the second run changed anything. */
export async function generatorRunProblems(spec: ConformanceSpec, name: string, options: Record<string, unknown>): Promise<string[]> {
  const { generators } = readPackage(spec);
  const factory = generators[name]?.factory ?? generators[name]?.implementation;
  if (!factory) return [`generators.json has no generator "${name}"`];
  const generator = loadGenerator(spec.packageRoot, factory);
  const root = mkdtempSync(join(tmpdir(), 'shipshape-conformance-'));
  try {
    cpSync(spec.fixture, root, { recursive: true });
    const { problems } = await dryRunProblems(root, name, (tree) => generator(tree, { skipFormat: true, ...options }));
    return problems;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The conformance suite every phase package runs (one call in one spec file): every check registered, in the
 * plan, fixed by a generator the package has; every schema.json agreeing with its schema.d.ts; every check
 * finding something on one fixture project and nothing on another; every generator idempotent and writing
 * nothing outside the Tree (`--dry-run` clean).
 */
export function describeConformance(spec: ConformanceSpec): void {
  const { name, generators } = readPackage(spec);
  describe(`${name} conformance`, () => {
    it('registers every check its check files declare, each once', () => expect(registrationProblems(spec)).toEqual([]));
    it('declares plan items, fixes and requirements that exist', () => expect(declarationProblems(spec)).toEqual([]));
    it('has schema.json and schema.d.ts that agree for every generator and executor', () => expect(schemaProblems(spec)).toEqual([]));
    it('has fixtures for every check and runs for every generator', () => expect(fixtureProblems(spec)).toEqual([]));

    const checkCases = spec.checks.filter((c) => spec.checkFixtures[c.id]).map((c) => [c.id, c] as const);
    it.each(checkCases)('%s finds something on its finding fixture and nothing on its quiet one', async (_id, check) => {
      const { finds, quiet } = spec.checkFixtures[check.id];
      const run = async (root: string) =>
        check.run(diskProject(spec.fixture, root, { options: spec.options, sections: spec.sections, graph: spec.graph }));
      expect((await run(finds)).length).toBeGreaterThan(0);
      expect(await run(quiet)).toEqual([]);
    });

    const generatorCases = Object.entries(spec.generatorRuns)
      .filter(([generator]) => generator in generators)
      .flatMap(([generator, runs]) => runs.map((options) => [`${generator} ${JSON.stringify(options)}`, generator, options] as const));
    it.each(generatorCases)(
      '%s is idempotent and writes nothing outside the Tree',
      async (_label, generator, options) => {
        expect(await generatorRunProblems(spec, generator, options)).toEqual([]);
      },
      120_000,
    );
  });
}
