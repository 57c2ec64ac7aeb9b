import type { Project, ProjectOptions, ts } from 'ts-morph';
import { lazyModule } from '../../util/lazy-module';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see lazyModule
const tsMorph = lazyModule(() => require('ts-morph') as typeof import('ts-morph'));

/** Where ts-morph puts the lib files it bundles (on the in-memory and the real file system alike). */
const LIB_FOLDER = '/node_modules/typescript/lib/';

/**
 * How much source text the process keeps parsed for reuse (a setting so that a test can lower it). Lib files are
 * kept whatever the size; other files, the least recently used first, leave the cache beyond it (a batch of a
 * thousand projects must not keep every tree).
 */
export const sharedParseCache = { textLimit: 32 * 1024 * 1024 };

interface SharedFile {
  text: string;
  file: ts.SourceFile;
}

/**
 * Parsed files for the whole process, one per path, script kind and the compiler options that change how a file
 * is parsed and bound, with the text they were parsed from. Insertion order is recency: a hit moves to the end.
 */
const sharedFiles = new Map<string, SharedFile>();
let sharedText = 0;

interface DocumentRegistry {
  createOrUpdateSourceFile(
    fileName: string,
    settings: ts.CompilerOptions,
    snapshot: ts.IScriptSnapshot,
    kind?: ts.ScriptKind,
  ): ts.SourceFile;
}

type TypeScriptInternals = {
  getKeyForCompilerOptions?: (options: ts.CompilerOptions, affecting: readonly unknown[]) => string;
  sourceFileAffectingCompilerOptions?: readonly unknown[];
};

/**
 * The part of the key that the compiler options make: TypeScript's own (what its language service's
 * DocumentRegistry shares files by: target, module, jsx, moduleResolution, moduleDetection…; `strict` is not among
 * them, TypeScript 6 binds every file in strict mode); the main ones when this TypeScript does not expose it.
 */
function optionsKey(settings: ts.CompilerOptions): string {
  const internals = tsMorph().ts as unknown as TypeScriptInternals;
  return internals.getKeyForCompilerOptions && internals.sourceFileAffectingCompilerOptions
    ? internals.getKeyForCompilerOptions(settings, internals.sourceFileAffectingCompilerOptions)
    : [settings.target, settings.module, settings.moduleResolution, settings.jsx, settings.strict].join('|');
}

const isLib = (key: string): boolean => key.startsWith(LIB_FOLDER);

function forget(key: string): void {
  const old = sharedFiles.get(key);
  if (!old) return;
  sharedFiles.delete(key);
  if (!isLib(key)) sharedText -= old.text.length;
}

/** Keeps the file as the most recent, and lets the least recent non-lib files go beyond the limit. */
function remember(key: string, entry: SharedFile): void {
  forget(key);
  sharedFiles.set(key, entry);
  if (isLib(key)) return;
  sharedText += entry.text.length;
  for (const oldest of sharedFiles.keys()) {
    if (sharedText <= sharedParseCache.textLimit) break;
    if (!isLib(oldest)) forget(oldest);
  }
}

/**
 * A ts-morph project whose parsed files are shared with every other such project of the process: the lib files,
 * packages' declaration files, and the workspace's own sources, which each dependent's typed program otherwise
 * parses and binds again (a package many others import is read once per importer). TypeScript's language service
 * shares bound files between programs the same way (its DocumentRegistry, keyed by the settings that change how a
 * file is read); ts-morph keeps its registry per project, so this routes every file of its registry through one
 * process-wide cache, each file reused only for the same text.
 */
export function sharedLibProject(options: ProjectOptions = {}): Project {
  const project = new (tsMorph().Project)(options);
  const factory = (project as unknown as { _context?: { compilerFactory?: { documentRegistry?: DocumentRegistry } } })._context
    ?.compilerFactory;
  const registry = factory?.documentRegistry;
  if (!registry || typeof registry.createOrUpdateSourceFile !== 'function') return project; // another ts-morph: unshared, still right
  const create = registry.createOrUpdateSourceFile.bind(registry);
  registry.createOrUpdateSourceFile = (fileName, settings, snapshot, kind) => {
    const key = [fileName, kind, optionsKey(settings)].join('\u0000');
    const text = snapshot.getText(0, snapshot.getLength());
    const shared = sharedFiles.get(key);
    if (shared?.text === text) {
      remember(key, shared);
      return shared.file;
    }
    const file = create(fileName, settings, snapshot, kind);
    remember(key, { text, file });
    return file;
  };
  return project;
}
