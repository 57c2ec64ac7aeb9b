import type { Project, ProjectOptions, ts } from 'ts-morph';
import { lazyModule } from '../../util/lazy-module';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see lazyModule
const tsMorph = lazyModule(() => require('ts-morph') as typeof import('ts-morph'));

/** Where ts-morph puts the lib files it bundles (on the in-memory and the real file system alike). */
const LIB_FOLDER = '/node_modules/typescript/lib/';

/** Parsed lib files (lib.es2022.d.ts…), one per path, language version and script kind, for the whole process. */
const libFiles = new Map<string, ts.SourceFile>();

interface DocumentRegistry {
  createOrUpdateSourceFile(
    fileName: string,
    settings: ts.CompilerOptions,
    snapshot: ts.IScriptSnapshot,
    kind?: ts.ScriptKind,
  ): ts.SourceFile;
}

/**
 * A ts-morph project whose lib files are parsed once per process, not once per project: every analysis program of
 * an audit (one or more per TypeScript project) otherwise parses and binds the same megabytes of lib.*.d.ts again,
 * which is most of its cost. A lib file never changes, and TypeScript's language service shares bound source
 * files between programs the same way (its DocumentRegistry); ts-morph keeps its registry per project, so this
 * routes the lib files of its registry through one process-wide cache.
 */
export function sharedLibProject(options: ProjectOptions = {}): Project {
  const project = new (tsMorph().Project)(options);
  const factory = (project as unknown as { _context?: { compilerFactory?: { documentRegistry?: DocumentRegistry } } })._context
    ?.compilerFactory;
  const registry = factory?.documentRegistry;
  if (!registry || typeof registry.createOrUpdateSourceFile !== 'function') return project; // another ts-morph: unshared, still right
  const create = registry.createOrUpdateSourceFile.bind(registry);
  registry.createOrUpdateSourceFile = (fileName, settings, snapshot, kind) => {
    if (!fileName.startsWith(LIB_FOLDER)) return create(fileName, settings, snapshot, kind);
    const key = `${fileName}\u0000${settings.target ?? ''}\u0000${kind ?? ''}\u0000${snapshot.getLength()}`;
    let file = libFiles.get(key);
    if (!file) {
      file = create(fileName, settings, snapshot, kind);
      libFiles.set(key, file);
    }
    return file;
  };
  return project;
}
