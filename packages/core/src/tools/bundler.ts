import { posix } from 'node:path';
import { configValues } from './references';
import { callArguments, stringsAt, valueAt, type StaticValue } from './static-value';
import type { EntryReference, OutputReference, ToolConfigFile } from './tool';

/** Where a bundler's config keeps its settings, and its defaults. */
export interface BundlerShape {
  /** Paths of the entry option in the config: a string, an array, or an object of name → file. */
  entry: string[][];
  /** Paths of the out-folder option. */
  outDir: string[][];
  /** Paths of options naming one output file, whose folder is then the out folder (rollup's `output.file`). */
  outFile?: string[][];
  defaultEntry?: string[];
  /** Where it writes without an out-folder option: `dist` unless said otherwise. */
  defaultOutDir?: string;
  /** Format sub folders the bundler writes below its out folder (`dist/esm`, `dist/cjs`). */
  formats?: string[];
  /** Paths of the options that name packages inlined on purpose (`noExternal`). */
  inlined?: string[][];
  /** What it inlines: `listed` (only what `inlined` names) unless said otherwise. */
  inlines?: OutputReference['inlines'];
  /**
   * Calls of presets that wrap the bundler's config and take the entry as an option
   * (`tanstackViteConfig({ entry: './src/index.ts', srcDir: './src' })`): read when the config has no entry of its own.
   */
  presetEntry?: string[][];
}

/** An entry as a config writes it: a file, with the output name a record gives it (`{ 'production/server': 'src/production.ts' }`). */
interface WrittenEntry {
  value: string;
  line: number;
  column: number;
  name?: string;
}

function stringsOf(value: StaticValue, paths: string[][]) {
  return paths.flatMap((path) => stringsAt(value, path));
}

/** The entries at a path: strings, arrays of strings or of `{ input }` objects (unbuild), records of name → file. */
function entriesAt(value: StaticValue, path: string[]): WrittenEntry[] {
  const read = (node: StaticValue, name?: string): WrittenEntry[] => {
    if (node.kind === 'string') return [{ value: node.value, line: node.line, column: node.column, name }];
    if (node.kind === 'array') return node.items.flatMap((item) => read(item));
    if (node.kind !== 'object') return [];
    const input = node.properties.get('input');
    if (input) return read(input, name);
    return [...node.properties].flatMap(([key, item]) => read(item, key));
  };
  return valueAt(value, path).flatMap((node) => read(node));
}

/** The folder every entry is in (esbuild's `outbase`): output names are the entries' paths below it. */
function commonFolder(files: string[]): string {
  if (files.length === 0) return '.';
  let common = posix.dirname(files[0]).split('/');
  for (const file of files.slice(1)) {
    const parts = posix.dirname(file).split('/');
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('/') || '.';
}

const withoutExtension = (file: string) => file.replace(/\.[cm]?[jt]sx?$/, '');

/**
 * The output name of each entry (the path the bundler writes below its out folder, without extension) → the
 * entry: a record's key, else the entry's path below the folder all entries share. Glob entries (tsdown's
 * `unbundle`, `src/**\/*.ts`) have no fixed name: their folder is given as `from`, which outputs mirror.
 */
function outputNames(entries: Array<{ file: string; name?: string }>): { names: Record<string, string>; from?: string } {
  const names: Record<string, string> = {};
  const globs = entries.filter((e) => e.file.includes('*'));
  const files = entries.filter((e) => !e.file.includes('*'));
  const base = commonFolder(files.filter((e) => e.name === undefined).map((e) => e.file));
  for (const { file, name } of files) names[name ?? withoutExtension(base === '.' ? file : posix.relative(base, file))] = file;
  const from = globs.length > 0 ? globs[0].file.slice(0, globs[0].file.indexOf('*')).replace(/\/[^/]*$/, '') : undefined;
  return from !== undefined ? { names, from } : { names };
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
    let written = shape.entry.flatMap((path) => entriesAt(value, path));
    if (written.length === 0 && shape.presetEntry) {
      const presets = callArguments(value).flatMap((call) => call.args);
      written = presets.flatMap((arg) => shape.presetEntry!.flatMap((path) => entriesAt(arg, path)));
    }
    const used: WrittenEntry[] =
      written.length > 0 ? written : (shape.defaultEntry ?? []).map((entry) => ({ value: entry, line: 0, column: 0 }));
    for (const entry of used) entries.push({ file, line: entry.line, column: entry.column, pattern: at(entry.value), kind: 'build' });
    entries.push({ file, line: 0, column: 0, pattern: file, kind: 'config' });
    const outDirs = [
      ...stringsOf(value, shape.outDir),
      ...stringsOf(value, shape.outFile ?? []).map((s) => ({ ...s, value: posix.dirname(s.value) })),
    ];
    const named = outputNames(used.map((e) => ({ file: at(e.value), name: e.name })));
    const inlined = stringsOf(value, shape.inlined ?? []).map((s) => s.value);
    for (const dir of outDirs.length > 0 ? outDirs : [{ value: shape.defaultOutDir ?? 'dist', line: 0, column: 0 }]) {
      const out = at(dir.value);
      outputs.push({
        file,
        line: dir.line,
        column: dir.column,
        dir: out,
        entries: used.map((e) => at(e.value)),
        names: named.names,
        ...(named.from !== undefined ? { from: named.from } : {}),
        ...(shape.formats ? { formats: shape.formats.map((f) => posix.join(out, f)) } : {}),
        inlines: shape.inlines ?? 'listed',
        ...(inlined.length > 0 ? { inlined } : {}),
      });
    }
  }
  return { entries, outputs };
}
