import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { FileChange, Tree } from '@nx/devkit';
import type fcModule from 'fast-check';
import { getLocation } from 'jsonc-parser';
import { parseJsonWithComments } from '../manifest/jsonc';
import { parseToml } from '../manifest/toml';
import { isShipshapeError } from '../util/errors';

/** The kinds of manifest the property reads back after every step. */
export type SequenceManifestKind = 'package.json' | 'project.json' | 'tsconfig' | 'pyproject.toml';

/** One generator of a package as the property runs it. */
export interface SequenceGenerator {
  /** Runs the generator on the Tree with the options it is tested with; its callback, if any, runs after the Tree is written. */
  run(tree: Tree): Promise<unknown>;
  /**
   * The manifest fields it is documented to fill or change, by kind of manifest, as dotted key paths
   * (`dependencies`, `project.optional-dependencies`; a path covers what is under it). Every other field that a
   * manifest had before the step keeps its value.
   */
  owns?: Partial<Record<SequenceManifestKind, readonly string[]>>;
  /** Other existing files (workspace-relative) it may edit: barrels, sources it rewrites. Any file may be created. */
  edits?: RegExp;
  /** Existing files it may move away or delete (python-src-layout moves the sources). */
  removes?: RegExp;
  /** Run as `nx g --dry-run` (NX_DRY_RUN=true): Nx writes nothing of it, so the folder must stay as it was. */
  dryRun?: boolean;
}

/** How a user's file may be written: the property draws one for each run, and the workspace applies it where it likes (`restyle`). */
export interface FileStyle {
  eol: '\n' | '\r\n';
  /** One level of indentation. */
  indent: '  ' | '    ' | '\t';
  bom: boolean;
}

/** The text (written with LF and 2-space indentation, as fixtures are) in the given style. */
export function restyle(text: string, style: FileStyle): string {
  const indented = text.replace(/^((?: {2})+)/gm, (spaces) => style.indent.repeat(spaces.length / 2));
  return `${style.bom ? '\uFEFF' : ''}${indented.replace(/\r?\n/g, style.eol)}`;
}

export interface GeneratorSequenceSpec {
  /** The user's workspace before any generator, its files in the given style: a fresh Tree each call (it is written to a temporary folder). */
  workspace(style: FileStyle): Tree;
  generators: Record<string, SequenceGenerator>;
  /** fast-check runs (default 30). */
  numRuns?: number;
  /** The longest sequence (default 6). */
  maxLength?: number;
  seed?: number;
  /** Workspace-relative paths the property does not read (installed packages); node_modules, .venv, .git and .nx never are. */
  ignore?: RegExp;
}

/** One step of a sequence: a generator, and the number of Tree writes after which it is interrupted (none when undefined). */
export interface SequenceStep {
  generator: string;
  interruptAfter?: number;
}

/** What the steps of all sequences did, by generator: to tell that the property exercised each one. */
export type SequenceStats = Record<
  string,
  {
    written: number;
    unchanged: number;
    refused: number;
    interrupted: number;
    /** The messages of the refusals, each once. */ reasons?: string[];
  }
>;

/** Stats with nothing counted yet, for `runGeneratorSequence`. */
export function emptyStats(names: readonly string[]): SequenceStats {
  return Object.fromEntries(names.map((n) => [n, { written: 0, unchanged: 0, refused: 0, interrupted: 0, reasons: [] }]));
}

/** The fault the property injects: a Tree write that fails (a full disk, Ctrl-C) after a number of writes. */
export class GeneratorInterrupt extends Error {
  constructor(readonly afterWrites: number) {
    super(`interrupted after ${afterWrites} Tree writes`);
    this.name = 'GeneratorInterrupt';
  }
}

const MUTATING = new Set<PropertyKey>(['write', 'overwrite', 'delete', 'rename', 'changePermissions']);
const SKIPPED_DIRS = new Set(['node_modules', '.venv', '.git', '.nx', 'dist']);

/**
 * The property of issue 11: random sequences (1 to `maxLength`) of the package's generators, some of them interrupted
 * midway (a Tree write throws), over a small workspace on disk, each run on a Tree over that folder as `nx g` runs it:
 * written to disk when it returns, discarded when it throws. After every step: every manifest parses, the fields and
 * comment lines the user wrote are still there (except what the generator is documented to change), no file is
 * lost, edited files keep their line endings, byte-order mark and JSON indentation, a generator that fails fails
 * with a ShipshapeError or the injected interrupt (never another crash), and a second run of the same generator
 * changes nothing. Resolves with what the steps did, by generator.
 */
export async function generatorSequenceProperty(spec: GeneratorSequenceSpec): Promise<SequenceStats> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- fast-check is a test tool: loaded only by the tests that run the property
  const fc = require('fast-check') as typeof fcModule;
  const names = Object.keys(spec.generators);
  const stats = emptyStats(names);
  const step = fc.record({
    generator: fc.constantFrom(...names),
    interruptAfter: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat({ max: 2 }) }),
  });
  const style = fc.record({
    eol: fc.constantFrom<FileStyle['eol']>('\n', '\r\n'),
    indent: fc.constantFrom<FileStyle['indent']>('  ', '    ', '\t'),
    bom: fc.boolean(),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: spec.maxLength ?? 6 }), style, (steps, s) =>
      runGeneratorSequence(spec, steps, stats, s),
    ),
    { numRuns: spec.numRuns ?? 30, seed: spec.seed, endOnFailure: true },
  );
  return stats;
}

/** One sequence of the property (a failing one, kept as a regression test): throws what went wrong, naming the step. */
export async function runGeneratorSequence(
  spec: GeneratorSequenceSpec,
  steps: readonly SequenceStep[],
  stats?: SequenceStats,
  style: FileStyle = { eol: '\n', indent: '  ', bom: false },
): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-sequence-'));
  try {
    const initial = spec.workspace(style);
    for (const path of treeFiles(initial, '')) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), initial.read(path)!);
    }
    const ignored = (path: string) => spec.ignore?.test(path) ?? false;
    for (const [index, { generator: name, interruptAfter }] of steps.entries()) {
      const generator = spec.generators[name];
      const label = `step ${index + 1} of [${steps.map(describeStep).join(', ')}] (files in ${JSON.stringify(style)}): ${describeStep(steps[index])}`;
      const before = readFolder(root, ignored);
      const first = await attempt(root, generator, interruptAfter);
      const counts = stats?.[name];
      if (first.error !== undefined) {
        const interrupted = first.interrupt !== undefined && causes(first.error).includes(first.interrupt);
        if (!interrupted && !isShipshapeError(first.error)) {
          throw new Error(`${label} crashed (neither a ShipshapeError nor the interrupt): ${stackOf(first.error)}`);
        }
        if (counts) counts[interrupted ? 'interrupted' : 'refused']++;
        const reason = (first.error as Error).message;
        if (counts && !interrupted && !counts.reasons?.includes(reason)) (counts.reasons ??= []).push(reason);
        // Nx writes nothing of a generator that throws: the folder is as it was, unless it wrote around the Tree.
        if (!sameFiles(before, readFolder(root, ignored))) throw new Error(`${label} failed, and wrote to the workspace around the Tree`);
        continue;
      }
      if (generator.dryRun) {
        await first.discard();
        if (!sameFiles(before, readFolder(root, ignored))) throw new Error(`${label}: a dry run wrote to the workspace around the Tree`);
        if (counts) counts.unchanged++;
        continue;
      }
      // A swallowed interrupt (Nx's formatFiles warns and goes on) leaves what the Tree holds: Nx writes that.
      await first.finish();
      const after = readFolder(root, ignored);
      checkStep(label, generator, before, after);
      const unchanged = sameFiles(before, after);
      if (counts) counts[unchanged ? 'unchanged' : 'written']++;
      // A run that changed nothing would run again on the same files: it is its own second run.
      if (unchanged && first.interrupt === undefined) continue;
      const second = await attempt(root, generator, undefined);
      if (second.error !== undefined) throw new Error(`${label}: a second run threw: ${stackOf(second.error)}`);
      const changed = pendingChanges(root, second.tree);
      if (changed.length > 0) {
        throw new Error(
          `${label}: a second run is not idempotent, it changes ${changed.map((c) => `${c.path}\n${diffLines(readText(root, c.path), c.content?.toString() ?? '<deleted>')}`).join('\n')}`,
        );
      }
      await second.discard();
      if (!sameFiles(after, readFolder(root, ignored))) throw new Error(`${label}: a second run wrote to the workspace around the Tree`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function describeStep(step: SequenceStep): string {
  return step.interruptAfter === undefined ? step.generator : `${step.generator} (interrupted at write ${step.interruptAfter + 1})`;
}

interface Attempt {
  tree: Tree;
  error?: unknown;
  interrupt?: GeneratorInterrupt;
  /** Writes the Tree to the folder and runs the generator's callback, as Nx does after a generator returns. */
  finish(): Promise<void>;
  /** Runs the callback without writing the Tree (it releases what the generator holds). */
  discard(): Promise<void>;
}

async function attempt(root: string, generator: SequenceGenerator, interruptAfter: number | undefined): Promise<Attempt> {
  const tree = diskTree(root);
  const state: { writes: number; interrupt?: GeneratorInterrupt } = { writes: 0 };
  const proxy =
    interruptAfter === undefined
      ? tree
      : new Proxy(tree, {
          get(target, property) {
            const value = Reflect.get(target, property, target) as unknown;
            if (typeof value !== 'function') return value;
            const method = value as (...args: unknown[]) => unknown;
            if (!MUTATING.has(property)) return method.bind(target);
            return (...args: unknown[]) => {
              if (state.writes++ >= interruptAfter) {
                state.interrupt ??= new GeneratorInterrupt(interruptAfter);
                throw state.interrupt;
              }
              return method.apply(target, args);
            };
          },
        });
  let callback: unknown;
  const dryRun = process.env.NX_DRY_RUN;
  if (generator.dryRun) process.env.NX_DRY_RUN = 'true';
  try {
    callback = await generator.run(proxy);
  } catch (error) {
    return { tree, error, interrupt: state.interrupt, finish: async () => undefined, discard: async () => undefined };
  } finally {
    if (dryRun === undefined) delete process.env.NX_DRY_RUN;
    else process.env.NX_DRY_RUN = dryRun;
  }
  const runCallback = async () => {
    if (typeof callback === 'function') await (callback as () => unknown)();
  };
  return {
    tree,
    interrupt: state.interrupt,
    finish: async () => {
      flush(root, tree.listChanges());
      await runCallback();
    },
    discard: runCallback,
  };
}

/** A Tree over a real folder, as `nx g` makes one: it reads the disk and keeps every write pending until flushed. */
function diskTree(root: string): Tree {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Nx's own Tree over a folder; @nx/devkit exposes only virtual ones
  const { FsTree } = require('nx/src/generators/tree') as { FsTree: new (root: string, verbose: boolean) => Tree };
  return new FsTree(root, false);
}

function flush(root: string, changes: readonly FileChange[]): void {
  for (const change of changes) {
    const path = join(root, change.path);
    if (change.type === 'DELETE') rmSync(path, { recursive: true, force: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, change.content!);
    }
  }
}

/** The Tree's changes that really change the folder (a write of the same bytes is none). */
function pendingChanges(root: string, tree: Tree): FileChange[] {
  return tree.listChanges().filter((change) => {
    if (change.type === 'DELETE') return true;
    try {
      return !readFileSync(join(root, change.path)).equals(change.content!);
    } catch {
      return true;
    }
  });
}

function treeFiles(tree: Tree, dir: string): string[] {
  return tree.children(dir).flatMap((name) => {
    const path = dir ? `${dir}/${name}` : name;
    return tree.isFile(path) ? [path] : treeFiles(tree, path);
  });
}

function readFolder(root: string, ignored: (path: string) => boolean): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (ignored(path)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (entry.isFile()) files.set(path, readFileSync(join(root, path)));
    }
  };
  walk('');
  return files;
}

function sameFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): boolean {
  return a.size === b.size && [...a].every(([path, content]) => b.get(path)?.equals(content) ?? false);
}

function readText(root: string, path: string): string {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return '<new file>';
  }
}

export function manifestKind(path: string): SequenceManifestKind | undefined {
  const name = basename(path);
  if (name === 'package.json' || name === 'project.json' || name === 'pyproject.toml') return name;
  return /^tsconfig.*\.json$/.test(name) ? 'tsconfig' : undefined;
}

function parseManifest(kind: SequenceManifestKind, path: string, text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (kind === 'pyproject.toml') return parseToml(body, path);
  if (kind === 'tsconfig') return parseJsonWithComments(body, path);
  return JSON.parse(body) as unknown;
}

/** What must hold after a step that Nx would write to disk. */
function checkStep(label: string, generator: SequenceGenerator, before: Map<string, Buffer>, after: Map<string, Buffer>): void {
  const problems: string[] = [];
  for (const [path, content] of after) {
    const kind = manifestKind(path);
    if (!kind) continue;
    try {
      parseManifest(kind, path, content.toString('utf8'));
    } catch (error) {
      problems.push(`${path} no longer parses: ${(error as Error).message}`);
    }
  }
  for (const [path, old] of before) {
    const now = after.get(path);
    if (now === undefined) {
      if (!generator.removes?.test(path)) problems.push(`${path} was removed`);
      continue;
    }
    if (now.equals(old)) continue;
    const kind = manifestKind(path);
    if (!kind && !generator.edits?.test(path)) {
      problems.push(
        `${path} was changed, and it is not a file this generator edits:\n${diffLines(old.toString('utf8'), now.toString('utf8'))}`,
      );
    }
    problems.push(...formatProblems(path, old.toString('utf8'), now.toString('utf8')));
    if (kind) problems.push(...userFieldProblems(path, kind, old.toString('utf8'), now.toString('utf8'), generator.owns?.[kind] ?? []));
  }
  if (problems.length > 0) throw new Error(`${label}:\n- ${problems.join('\n- ')}`);
}

/** Line endings, byte-order mark and (JSON) indentation that an edit must keep. */
function formatProblems(path: string, old: string, now: string): string[] {
  const problems: string[] = [];
  const endings = (text: string) => ({ crlf: /\r\n/.test(text), lf: /(^|[^\r])\n/.test(text) });
  const was = endings(old);
  const is = endings(now);
  if (was.crlf && !was.lf && is.lf) problems.push(`${path} had CRLF line endings; it now has LF ones too`);
  if (was.lf && !was.crlf && is.crlf) problems.push(`${path} had LF line endings; it now has CRLF ones too`);
  if (old.startsWith('\uFEFF') !== now.startsWith('\uFEFF'))
    problems.push(`${path} ${old.startsWith('\uFEFF') ? 'lost' : 'gained'} its byte-order mark`);
  if (path.endsWith('.json')) {
    const indent = (text: string) => /^[ \t]*[{[][^\n]*\r?\n([ \t]+)\S/.exec(text.replace(/^\uFEFF/, '').trimStart())?.[1];
    const from = indent(old);
    const to = indent(now);
    if (from !== undefined && to !== undefined && from !== to) {
      problems.push(`${path} was indented with ${JSON.stringify(from)}; it now is with ${JSON.stringify(to)}`);
    }
  }
  return problems;
}

/** Fields of the manifest the user wrote (leaves, by key path) that changed or went, outside what the generator owns; comment lines that went. */
function userFieldProblems(path: string, kind: SequenceManifestKind, old: string, now: string, owns: readonly string[]): string[] {
  let before: unknown;
  let after: unknown;
  try {
    before = parseManifest(kind, path, old);
    after = parseManifest(kind, path, now);
  } catch {
    return []; // reported as a parse error, or it did not parse before either
  }
  const owned = (key: string[]) => owns.some((o) => key.join('.') === o || key.join('.').startsWith(`${o}.`));
  const problems: string[] = [];
  for (const [key, value] of leaves(before, [])) {
    if (owned(key)) continue;
    const now = valueAt(after, key);
    if (!isDeepStrictEqual(now, value)) {
      problems.push(
        `${path}: ${key.join('.')} was ${JSON.stringify(value)}, it is ${now === undefined ? 'gone' : JSON.stringify(now)} (not a field this generator changes)`,
      );
    }
  }
  if (kind === 'pyproject.toml' || kind === 'tsconfig') {
    const comments = (text: string) =>
      new Set(
        text
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line.startsWith(kind === 'pyproject.toml' ? '#' : '//')),
      );
    const kept = comments(now);
    for (const line of comments(old)) if (!kept.has(line)) problems.push(`${path}: the comment line ${JSON.stringify(line)} is gone`);
  }
  // Each line the user wrote stays as it was (but for a trailing comma), unless it is in a field the generator owns:
  // an edit next to a one-line list keeps it on one line, a neighbour keeps its layout.
  const normalized = (line: string) => line.trim().replace(/,$/, '');
  const lines = new Set(now.split(/\r?\n/).map(normalized));
  for (const { line, key } of keyedLines(kind, old)) {
    if (!owned(key) && !lines.has(normalized(line)))
      problems.push(`${path}: the line ${JSON.stringify(line.trim())} (in ${key.join('.') || 'the top level'}) is gone`);
  }
  return problems;
}

/** The lines of a manifest that hold a value, with the key path they are under (a table's header line, its own table). */
function keyedLines(kind: SequenceManifestKind, text: string): Array<{ line: string; key: string[] }> {
  const result: Array<{ line: string; key: string[] }> = [];
  const body = text.replace(/^\uFEFF/, '');
  if (kind === 'pyproject.toml') {
    let table: string[] = [];
    let key: string[] = [];
    const parts = (dotted: string) => dotted.split('.').map((p) => p.trim().replace(/^["']|["']$/g, ''));
    for (const line of body.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const header = /^\[\[?([^\]]+)\]\]?/.exec(trimmed);
      const assignment = /^((?:[\w-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[\w-]+|"[^"]*"|'[^']*'))*)\s*=(?!=)/.exec(trimmed);
      if (header) key = table = parts(header[1]);
      else if (assignment) key = [...table, ...parts(assignment[1])];
      if (!/^[\]})]+,?$/.test(trimmed)) result.push({ line, key });
    }
    return result;
  }
  let offset = 0;
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '' && !/^[\]}[{]+,?$/.test(trimmed) && !trimmed.startsWith('//') && !trimmed.startsWith('/*')) {
      const path = getLocation(body, offset + line.length - line.trimStart().length + 1).path;
      const key = path.slice(0, (path.findIndex((p) => typeof p === 'number') + 1 || path.length + 1) - 1).map(String);
      result.push({ line, key });
    }
    offset += line.length + 1;
  }
  return result;
}

function leaves(value: unknown, key: string[]): Array<[string[], unknown]> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...key, k]));
  }
  return [[key, value]];
}

function valueAt(value: unknown, key: readonly string[]): unknown {
  let current = value;
  for (const k of key) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, k)) return undefined;
    current = (current as Record<string, unknown>)[k];
  }
  return current;
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && !chain.includes(current) && chain.length < 10;) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The lines that differ, `-` before and `+` after (a short diff for a failure message). */
function diffLines(old: string, now: string): string {
  const was = old.split('\n');
  const is = now.split('\n');
  let start = 0;
  while (start < was.length && start < is.length && was[start] === is[start]) start++;
  let end = 0;
  while (end < was.length - start && end < is.length - start && was[was.length - 1 - end] === is[is.length - 1 - end]) end++;
  const show = (lines: string[], sign: string) => lines.map((l) => `  ${sign} ${JSON.stringify(l)}`);
  return [...show(was.slice(start, was.length - end), '-'), ...show(is.slice(start, is.length - end), '+')].slice(0, 40).join('\n');
}
