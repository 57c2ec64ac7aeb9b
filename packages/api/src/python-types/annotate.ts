import { join } from 'node:path';
import { runProcess, ShipshapeError } from '@shipshape/core';

/** The `-> None` finder, next to this file in src/ and in dist/ (the build copies .py files). */
export const NONE_RETURNS_HELPER = join(__dirname, 'none_returns.py');
const HELPER_TIMEOUT_MS = 120_000;

/** A function without a return annotation, as none_returns.py judges it. */
export interface ReturnCandidate {
  name: string;
  line: number;
  /** Where ` -> None` goes: 1-based line, 0-based UTF-16 column right after the parameters' `)`. */
  insertLine: number;
  insertColumn: number;
  /** It certainly never returns a value. */
  none: boolean;
  reason: string | null;
}

/** Runs the helper over the given sources (path to text, without a byte-order mark). */
export async function returnCandidates(
  python: string,
  files: Record<string, string>,
): Promise<{ files: Record<string, ReturnCandidate[]>; errors: Record<string, string> }> {
  if (Object.keys(files).length === 0) return { files: {}, errors: {} };
  const result = await runProcess(python, ['-I', '-B', NONE_RETURNS_HELPER], {
    input: JSON.stringify({ files }),
    timeoutMs: HELPER_TIMEOUT_MS,
  });
  if (result.timedOut) throw new ShipshapeError(`${NONE_RETURNS_HELPER} did not finish in ${HELPER_TIMEOUT_MS / 1000} s`);
  if (result.code !== 0)
    throw new ShipshapeError(`${python} could not run ${NONE_RETURNS_HELPER}: ${result.stderr.trim().split('\n').pop() ?? ''}`);
  return JSON.parse(result.stdout) as { files: Record<string, ReturnCandidate[]>; errors: Record<string, string> };
}

/** The return types the interpreter itself enforces for these special methods (str() raises when __str__ returns an int). */
export const ENFORCED_RETURNS: Readonly<Record<string, string>> = {
  __str__: 'str',
  __repr__: 'str',
  __format__: 'str',
  __bytes__: 'bytes',
  __len__: 'int',
  __length_hint__: 'int',
  __hash__: 'int',
  __index__: 'int',
  __int__: 'int',
  __float__: 'float',
  __complex__: 'complex',
  __bool__: 'bool',
};

interface RuffDiagnostic {
  code: string | null;
  message: string;
  fix: {
    edits: Array<{ content: string | null; location: { row: number; column: number }; end_location: { row: number; column: number } }>;
  } | null;
}

interface RuffWorkspace {
  check(contents: string): RuffDiagnostic[];
  free(): void;
}

interface RuffModule {
  Workspace: new (options: unknown, encoding: number) => RuffWorkspace;
  PositionEncoding: { Utf16: number };
}

let ruff: RuffModule | undefined;

/** Ruff's official WebAssembly build, loaded once. */
function ruffModule(): RuffModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: the wasm module is large
  ruff ??= require('@astral-sh/ruff-wasm-nodejs') as RuffModule;
  return ruff;
}

/** One annotation edit Ruff proposes: insert ` -> T` right after a function's parameters. */
export interface RuffAnnotation {
  code: string;
  /** The function (from Ruff's message). */
  name: string;
  type: string;
  /** 1-based line, 0-based UTF-16 column. */
  line: number;
  column: number;
}

/**
 * Ruff's flake8-annotations return-type fixes (ANN201, ANN202, ANN204, ANN205, ANN206) on one source, each a single
 * insertion of ` -> T`. Ruff marks all of them unsafe (it infers the type); which ones are applied is decided by the
 * caller. Fixes that need more (an import of typing) are left out.
 */
export function ruffAnnotations(source: string): RuffAnnotation[] {
  const module = ruffModule();
  const workspace = new module.Workspace(
    { lint: { select: ['ANN201', 'ANN202', 'ANN204', 'ANN205', 'ANN206'] } },
    module.PositionEncoding.Utf16,
  );
  try {
    const found: RuffAnnotation[] = [];
    for (const diagnostic of workspace.check(source)) {
      const edits = diagnostic.fix?.edits ?? [];
      if (!diagnostic.code || edits.length !== 1) continue;
      const [edit] = edits;
      const match = / -> ([A-Za-z_][A-Za-z0-9_]*)$/.exec(edit.content ?? '');
      const sameSpot = edit.location.row === edit.end_location.row && edit.location.column === edit.end_location.column;
      if (!match || !sameSpot) continue;
      const name = /`([^`]+)`/.exec(diagnostic.message)?.[1] ?? '';
      found.push({ code: diagnostic.code, name, type: match[1], line: edit.location.row, column: edit.location.column - 1 });
    }
    return found;
  } finally {
    workspace.free();
  }
}

/** The source binds `name` itself (def, class, assignment, import as), so a bare annotation with it would not mean the builtin. */
export function shadows(source: string, name: string): boolean {
  const n = name.replace(/[^A-Za-z0-9_]/g, '');
  return new RegExp(
    `(^|\\n)[ \\t]*(async[ \\t]+)?(def|class)[ \\t]+${n}\\b|(^|\\n)[ \\t]*${n}[ \\t]*(:[^=]|=[^=])|\\bimport\\b[^\\n]*\\b${n}\\b`,
  ).test(source);
}

/** Offsets of the starts of lines (after each \n). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Inserts the texts at (1-based line, 0-based UTF-16 column) positions; refuses a position not right after `)`. */
export function insertAt(
  text: string,
  insertions: ReadonlyArray<{ line: number; column: number; text: string }>,
): { text: string; refused: number } {
  const starts = lineStarts(text);
  let refused = 0;
  const offsets = insertions
    .map((insertion) => ({ offset: (starts[insertion.line - 1] ?? Number.NaN) + insertion.column, text: insertion.text }))
    .filter((insertion) => {
      const ok = Number.isFinite(insertion.offset) && text[insertion.offset - 1] === ')';
      if (!ok) refused += 1;
      return ok;
    })
    .sort((a, b) => b.offset - a.offset);
  let result = text;
  for (const { offset, text: inserted } of offsets) result = result.slice(0, offset) + inserted + result.slice(offset);
  return { text: result, refused };
}
