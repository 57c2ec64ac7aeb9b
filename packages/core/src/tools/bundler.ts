import { posix } from 'node:path';
import { configValues } from './references';
import { stringsAt, type StaticValue } from './static-value';
import type { EntryReference, OutputReference, ToolConfigFile } from './tool';

/** Where a bundler's config keeps its settings, and its defaults. */
export interface BundlerShape {
  /** Paths of the entry option in the config: a string, an array, or an object of name → file. */
  entry: string[][];
  /** Paths of the out-folder option. */
  outDir: string[][];
  defaultEntry?: string[];
  defaultOutDir: string;
  /** Paths of the options that name packages inlined on purpose (`noExternal`). */
  inlined?: string[][];
  inlines: OutputReference['inlines'];
}

function stringsOf(value: StaticValue, paths: string[][]) {
  return paths.flatMap((path) => stringsAt(value, path));
}

/** Entries and outputs of a bundler's config files; paths in a config are relative to its folder, made workspace-relative here. */
export function bundlerReferences(
  configs: readonly ToolConfigFile[],
  shape: BundlerShape,
): { entries: EntryReference[]; outputs: OutputReference[] } {
  const entries: EntryReference[] = [];
  const outputs: OutputReference[] = [];
  for (const { file, value } of configValues(configs)) {
    const at = (path: string) => posix.normalize(posix.join(posix.dirname(file), path));
    const written = stringsOf(value, shape.entry);
    const used = written.length > 0 ? written : (shape.defaultEntry ?? []).map((entry) => ({ value: entry, line: 0, column: 0 }));
    for (const entry of used) entries.push({ file, line: entry.line, column: entry.column, pattern: at(entry.value), kind: 'build' });
    entries.push({ file, line: 0, column: 0, pattern: file, kind: 'config' });
    const outDirs = stringsOf(value, shape.outDir);
    for (const dir of outDirs.length > 0 ? outDirs : [{ value: shape.defaultOutDir, line: 0, column: 0 }]) {
      const inlined = stringsOf(value, shape.inlined ?? []).map((s) => s.value);
      outputs.push({
        file,
        line: dir.line,
        column: dir.column,
        dir: at(dir.value),
        entries: used.map((e) => at(e.value)),
        inlines: shape.inlines,
        ...(inlined.length > 0 ? { inlined } : {}),
      });
    }
  }
  return { entries, outputs };
}
