import { posix } from 'node:path';
import { extractModuleInfo, type FileView, type ModuleInfo } from '@shipshape/core';

export const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** The source file a relative specifier names: `./x`, `./x.js` (written for `x.ts`), `./dir` (its index). */
export function resolveRelative(view: FileView, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates: string[] = [];
  const ext = posix.extname(base);
  if (JS_TO_TS[ext]) candidates.push(...JS_TO_TS[ext].map((e) => base.slice(0, -ext.length) + e));
  if (EXTENSIONS.includes(ext)) candidates.push(base);
  candidates.push(...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`));
  return candidates.find((c) => view.isFile(c));
}

/** Syntax-only import/export facts of every source file of a view, parsed once. */
export class ModuleGraph {
  private readonly infos = new Map<string, ModuleInfo | null>();

  constructor(readonly view: FileView) {}

  info(file: string): ModuleInfo | undefined {
    if (!this.infos.has(file)) {
      const text = this.view.read(file);
      this.infos.set(file, text === undefined || text.includes('\u0000') ? null : extractModuleInfo(file, text));
    }
    return this.infos.get(file) ?? undefined;
  }

  /** Relative imports of a file, resolved to files, with the specifier as written. */
  localImports(file: string): Array<{ specifier: string; target: string; line: number; typeOnly: boolean }> {
    const info = this.info(file);
    if (!info) return [];
    return info.imports.flatMap((ref) => {
      const target = resolveRelative(this.view, file, ref.specifier);
      return target ? [{ specifier: ref.specifier, target, line: ref.line, typeOnly: ref.typeOnly }] : [];
    });
  }

  /** Every file reachable from the given files through relative imports and re-exports (type-only ones included). */
  reachableFrom(entries: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const queue = [...entries].filter((f) => this.view.isFile(f));
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const { target } of this.localImports(file)) if (!seen.has(target)) queue.push(target);
    }
    return seen;
  }
}
