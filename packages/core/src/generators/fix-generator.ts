import type { GeneratorCallback, Tree } from '@nx/devkit';
import type { OptionsSection } from '../config/options';
import { treeWorkspace } from '../facts/create-workspace';
import type { ShipshapeProject } from '../facts/shipshape-project';
import type { ShipshapeWorkspace } from '../facts/shipshape-workspace';
import { workspaceGraph } from '../facts/workspace/projects';
import { devkit } from '../nx/devkit';
import { resolveProject } from './resolve-project';
import { acquireWorkspaceLock } from './workspace-lock';

/** What every fix generator's schema has. */
export interface FixSchema {
  project?: string;
  skipFormat?: boolean;
}

/** What a fix generator's work step gets: the Tree, its options, and the project as facts see it on the Tree. */
export interface FixContext<S extends FixSchema> {
  tree: Tree;
  schema: S;
  workspace: ShipshapeWorkspace;
  project: ShipshapeProject;
}

/** What a fix did and what it leaves to the user; files are written through `changes` (only those that changed are). */
export interface FixResult {
  /** Workspace-relative path to the new content of each file the fix edits or creates. */
  changes?: Array<{ path: string; content: string }>;
  /** Files the fix moves (workspace-relative), done before `changes` are written. */
  moves?: Array<{ from: string; to: string }>;
  /** One line per thing done, for the log. */
  done?: string[];
  /** One line per thing the user must do, each naming the file. */
  left?: string[];
  /** Work for after the files are written (installs), run in order. */
  tasks?: GeneratorCallback[];
}

export interface FixGeneratorSpec<S extends FixSchema> {
  /** `@shipshape/structure:metadata`: how the log names it. */
  name: string;
  /** The package's own options sections, for the options of a project in a workspace where it is not installed (tests). */
  sections?: readonly OptionsSection[];
  /** Checks the options before anything is read (throws a ShipshapeError naming the option). */
  validate?(schema: S): void;
  fix(context: FixContext<S>): FixResult | Promise<FixResult>;
}

/** Writes each changed file, and only those: an unchanged file is never rewritten. */
export function writeChanges(tree: Tree, changes: ReadonlyArray<{ path: string; content: string }>): string[] {
  const written: string[] = [];
  for (const { path, content } of changes) {
    if (tree.exists(path) && tree.read(path, 'utf-8') === content) continue;
    tree.write(path, content);
    written.push(path);
  }
  return written;
}

/**
 * Whether this is `nx g --dry-run`. Nx does not pass `dryRun` to a generator, but its `generate` command sets
 * `NX_DRY_RUN` to "true" or "false" for the process before running it (so do `nx release --dry-run` and a
 * parent `nx g --dry-run` for the processes it starts).
 */
export function isDryRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NX_DRY_RUN === 'true';
}

/** Past tenses a generator's report starts a line with, and their base forms ("past base" pairs). */
const PAST: Record<string, string> = Object.fromEntries(
  'added add appended append changed change configured configure converted convert copied copy created create declared declare deleted delete disabled disable dropped drop edited edit enabled enable enrolled enroll exported export extended extend fixed fix formatted format generated generate inserted insert installed install kept keep made make marked mark moved move normalized normalize pinned pin registered register removed remove renamed rename replaced replace rewrote rewrite scaffolded scaffold set set sorted sort updated update widened widen wrapped wrap wrote write'
    .split(' ')
    .flatMap((word, i, all) => (i % 2 === 0 ? [[word, all[i + 1]]] : [])),
);
const BASE = new Set(Object.values(PAST));

/**
 * A line of the report in the conditional, for a dry run: `a/package.json: removed "x"` → `a/package.json: would
 * remove "x"`, `move a -> b` → `would move a -> b`; a line about a file that names no such verb says the file
 * would be written. Any other line (a statement, "nothing to move") is kept.
 */
export function conditional(line: string): string {
  const location = /^\S+: /.exec(line)?.[0] ?? '';
  const word = /^[A-Za-z]+\b/.exec(line.slice(location.length))?.[0];
  const lower = word?.toLowerCase() ?? '';
  const base = PAST[lower] ?? (BASE.has(lower) ? lower : undefined);
  if (word && base) {
    const would = !location && word[0] !== lower[0] ? 'Would' : 'would';
    return `${location}${would} ${base}${line.slice(location.length + word.length)}`;
  }
  return location ? `would write ${line}` : line;
}

/**
 * The one report of a generator: what it did (info), then what it left, in one block (a warning). Under
 * `--dry-run` it speaks in the conditional ("would remove …", "would leave …"): nothing was written.
 */
export function reportFix(name: string, project: string, result: Pick<FixResult, 'done' | 'left'>, dryRun = isDryRun()): void {
  const { logger } = devkit();
  for (const line of result.done ?? []) logger.info(`${name}: ${dryRun ? conditional(line) : line}`);
  const left = result.left ?? [];
  if (left.length > 0)
    logger.warn(
      `${name} ${dryRun ? 'would leave' : 'left'} ${left.length === 1 ? 'one thing' : `${left.length} things`} of ${project} for you:\n${left.map((l) => `  - ${l}`).join('\n')}`,
    );
}

/**
 * Formats the files the generators created (with the workspace's Prettier, as Nx does), never the files they
 * edited: those were edited in place in the file's own style, and a formatter would rewrite the user's whole file
 * (indentation, line endings, quotes). Unless asked not to; then returns the tasks to run in order.
 */
export async function finishGenerator(
  tree: Tree,
  schema: FixSchema,
  tasks: ReadonlyArray<GeneratorCallback | void | undefined>,
): Promise<GeneratorCallback> {
  const { formatFiles, runTasksInSerial } = devkit();
  if (!schema.skipFormat) {
    const edited = tree.listChanges().filter((change) => change.type === 'UPDATE' && change.content);
    await formatFiles(tree);
    for (const { path, content } of edited) if (!tree.read(path)?.equals(content!)) tree.write(path, content!);
  }
  return runTasksInSerial(...tasks.filter((t): t is GeneratorCallback => typeof t === 'function'));
}

/**
 * A generator that fixes one project: validate the options → resolve the project (its short name accepted) →
 * compute the changes from the facts on the Tree → write what changed → report what is left → format
 * (unless `skipFormat`) → the tasks. Writes go to the Tree only, so `--dry-run` writes nothing.
 */
export function defineFixGenerator<S extends FixSchema>(spec: FixGeneratorSpec<S>): (tree: Tree, schema: S) => Promise<GeneratorCallback> {
  return async (tree, schema) => {
    spec.validate?.(schema);
    const release = acquireWorkspaceLock(tree.root);
    try {
      const workspace = treeWorkspace(tree, spec.sections);
      const node = resolveProject(workspace.get(workspaceGraph).projects, schema.project);
      const project = workspace.project(node);
      const result = await spec.fix({ tree, schema, workspace, project });
      for (const { from, to } of result.moves ?? []) tree.rename(from, to);
      writeChanges(tree, result.changes ?? []);
      reportFix(spec.name, project.name, result);
      // Held until Nx has written the Tree (its tasks run after that), or the process ends.
      return await finishGenerator(tree, schema, [...(result.tasks ?? []), release]);
    } catch (error) {
      release();
      throw error;
    }
  };
}
