import type { Project, ProjectOptions, ts } from 'ts-morph';
import { lazyModule } from '../../util/lazy-module';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see lazyModule
const tsMorph = lazyModule(() => require('ts-morph') as typeof import('ts-morph'));

/** Where ts-morph puts the lib files it bundles (on the in-memory and the real file system alike). */
const LIB_FOLDER = '/node_modules/typescript/lib/';

/** A package's declaration file: the same text reads the same for every program with the same module settings. */
const PACKAGE_DECLARATION = /\/node_modules\/.+\.d\.[cm]?ts$/;

/**
 * Parsed lib files (lib.es2022.d.ts…) and packages' declaration files, one per path, language version, script kind
 * and module settings, with the text they were parsed from, for the whole process.
 */
const sharedFiles = new Map<string, { text: string; file: ts.SourceFile }>();

interface DocumentRegistry {
  createOrUpdateSourceFile(
    fileName: string,
    settings: ts.CompilerOptions,
    snapshot: ts.IScriptSnapshot,
    kind?: ts.ScriptKind,
  ): ts.SourceFile;
}

/**
 * A ts-morph project whose lib files and packages' declaration files are parsed once per process, not once per
 * project: every analysis program of an audit (one or more per TypeScript project) otherwise parses and binds the
 * same megabytes of lib.*.d.ts and @types again, which is most of its cost. TypeScript's language service shares
 * bound declaration files between programs the same way (its DocumentRegistry, keyed by the settings that change
 * how a file is read); ts-morph keeps its registry per project, so this routes those files of its registry through
 * one process-wide cache, each reused only for the same text.
 */
export function sharedLibProject(options: ProjectOptions = {}): Project {
  const project = new (tsMorph().Project)(options);
  const factory = (project as unknown as { _context?: { compilerFactory?: { documentRegistry?: DocumentRegistry } } })._context
    ?.compilerFactory;
  const registry = factory?.documentRegistry;
  if (!registry || typeof registry.createOrUpdateSourceFile !== 'function') return project; // another ts-morph: unshared, still right
  const create = registry.createOrUpdateSourceFile.bind(registry);
  registry.createOrUpdateSourceFile = (fileName, settings, snapshot, kind) => {
    if (!fileName.startsWith(LIB_FOLDER) && !PACKAGE_DECLARATION.test(fileName)) return create(fileName, settings, snapshot, kind);
    // how a package's declaration file is read as a module (ESM or CommonJS) depends on the module settings
    const key = [fileName, settings.target, kind, settings.module, settings.moduleResolution].join('\u0000');
    const text = snapshot.getText(0, snapshot.getLength());
    const shared = sharedFiles.get(key);
    if (shared?.text === text) return shared.file;
    const file = create(fileName, settings, snapshot, kind);
    sharedFiles.set(key, { text, file });
    return file;
  };
  return project;
}
