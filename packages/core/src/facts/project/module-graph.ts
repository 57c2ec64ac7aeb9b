import { posix } from 'node:path';
import type { FileSource } from '../../file-system/file-source';
import { defineFact } from '../fact';
import { typescriptSources, type TypeScriptSources } from './typescript';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** The source file a relative specifier names: `./x`, `./x.js` (written for `x.ts`), `./dir` (its index). */
export function resolveRelative(isFile: (path: string) => boolean, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates: string[] = [];
  const ext = posix.extname(base);
  if (JS_TO_TS[ext]) candidates.push(...JS_TO_TS[ext].map((e) => base.slice(0, -ext.length) + e));
  if (EXTENSIONS.includes(ext)) candidates.push(base);
  candidates.push(...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`));
  return candidates.find((c) => isFile(c));
}

export interface LocalImport {
  specifier: string;
  /** Workspace-relative file the import resolves to. */
  target: string;
  line: number;
  typeOnly: boolean;
}

/** The project's relative imports and re-exports between its TS/JS files. */
export class ModuleGraph {
  private readonly edges = new Map<string, LocalImport[]>();

  constructor(
    private readonly source: FileSource,
    readonly sources: TypeScriptSources,
  ) {}

  /** Relative imports of a file, resolved to files, with the specifier as written. */
  localImports(file: string): LocalImport[] {
    let found = this.edges.get(file);
    if (!found) {
      const info = this.sources.module(file).info;
      found = (info?.imports ?? []).flatMap((ref) => {
        const target = resolveRelative((p) => this.source.isFile(p), file, ref.specifier);
        return target ? [{ specifier: ref.specifier, target, line: ref.line, typeOnly: ref.typeOnly }] : [];
      });
      this.edges.set(file, found);
    }
    return found;
  }

  /** Every file reachable from the given files through relative imports and re-exports (type-only ones included). */
  reachableFrom(entries: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const queue = [...entries].filter((f) => this.source.isFile(f));
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const { target } of this.localImports(file)) if (!seen.has(target)) queue.push(target);
    }
    return seen;
  }
}

/** The project's TS/JS module graph (relative imports), resolved on demand. */
export const moduleGraph = defineFact({
  id: 'typescript/module-graph',
  inputs: [typescriptSources],
  compute: (project, sources) => new ModuleGraph(project.workspace.source, sources),
});
