import type { Project, ProjectOptions, ts } from 'ts-morph';
import { tsMorph } from './lazy-ts-morph';
import { compilerOptionsKey, ParsedFiles } from './parsed-files';

export { sharedParseCache } from './parsed-files';

/** Where ts-morph puts the lib files it bundles (on the in-memory and the real file system alike). */
const LIB_FOLDER = '/node_modules/typescript/lib/';

/** Every file ts-morph's TypeScript parses for the process's projects (`strict` is not in the key: TypeScript 6 binds every file in strict mode). */
const parsedFiles = new ParsedFiles<ts.SourceFile>((key) => key.startsWith(LIB_FOLDER));

interface DocumentRegistry {
  createOrUpdateSourceFile(
    fileName: string,
    settings: ts.CompilerOptions,
    snapshot: ts.IScriptSnapshot,
    kind?: ts.ScriptKind,
  ): ts.SourceFile;
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
  registry.createOrUpdateSourceFile = (fileName, settings, snapshot, kind) =>
    parsedFiles.get(
      [fileName, kind, compilerOptionsKey(tsMorph().ts, settings)].join('\u0000'),
      snapshot.getText(0, snapshot.getLength()),
      () => create(fileName, settings, snapshot, kind),
    );
  return project;
}
