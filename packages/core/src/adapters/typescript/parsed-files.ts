/**
 * How much source text a process keeps parsed for reuse, per TypeScript (a setting so that a test can lower it).
 * Lib files are kept whatever the size; other files, the least recently used first, leave beyond it (a batch of a
 * thousand projects must not keep every tree).
 */
export const sharedParseCache = { textLimit: 32 * 1024 * 1024 };

/**
 * Parsed files kept for the whole process, for one TypeScript: one per key (path and what changes how the file is
 * parsed and bound), with the text each was parsed from; a file is reused only for the same text. Insertion order
 * is recency: a hit moves to the end.
 */
export class ParsedFiles<File> {
  private readonly files = new Map<string, { text: string; file: File }>();
  private text = 0;

  /** `isLib(key)`: a lib file of this TypeScript, kept whatever the limit. */
  constructor(private readonly isLib: (key: string) => boolean) {}

  /** The file parsed from `text` under `key`, parsed by `parse` when there is none. */
  get(key: string, text: string, parse: () => File): File {
    const shared = this.files.get(key);
    const entry = shared?.text === text ? shared : { text, file: parse() };
    this.remember(key, entry);
    return entry.file;
  }

  private forget(key: string): void {
    const old = this.files.get(key);
    if (!old) return;
    this.files.delete(key);
    if (!this.isLib(key)) this.text -= old.text.length;
  }

  /** Keeps the file as the most recent, and lets the least recent non-lib files go beyond the limit. */
  private remember(key: string, entry: { text: string; file: File }): void {
    this.forget(key);
    this.files.set(key, entry);
    if (this.isLib(key)) return;
    this.text += entry.text.length;
    for (const oldest of this.files.keys()) {
      if (this.text <= sharedParseCache.textLimit) break;
      if (!this.isLib(oldest)) this.forget(oldest);
    }
  }
}

type TypeScriptInternals = {
  getKeyForCompilerOptions?: (options: object, affecting: readonly unknown[]) => string;
  sourceFileAffectingCompilerOptions?: readonly unknown[];
};

/**
 * The part of a parsed file's key that the compiler options make: TypeScript's own (what its language service's
 * DocumentRegistry shares files by: target, module, jsx, moduleResolution, moduleDetection…), the main ones when
 * this TypeScript does not expose it.
 */
export function compilerOptionsKey(typescript: object, options: Record<string, unknown>): string {
  const internals = typescript as TypeScriptInternals;
  return internals.getKeyForCompilerOptions && internals.sourceFileAffectingCompilerOptions
    ? internals.getKeyForCompilerOptions(options, internals.sourceFileAffectingCompilerOptions)
    : [options.target, options.module, options.moduleResolution, options.jsx, options.strict].join('|');
}
