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

/** The one report of a generator: what it did (info), then what it left, in one block (a warning). */
export function reportFix(name: string, project: string, result: Pick<FixResult, 'done' | 'left'>): void {
  const { logger } = devkit();
  for (const line of result.done ?? []) logger.info(`${name}: ${line}`);
  const left = result.left ?? [];
  if (left.length > 0)
    logger.warn(
      `${name} left ${left.length === 1 ? 'one thing' : `${left.length} things`} of ${project} for you:\n${left.map((l) => `  - ${l}`).join('\n')}`,
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
