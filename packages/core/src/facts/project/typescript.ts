import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleInfo } from '../../adapters/typescript/module-info';
import { sharedLibProject } from '../../adapters/typescript/shared-lib-project';
import { lazyModule } from '../../util/lazy-module';
import type { FileSource } from '../../file-system/file-source';
import { decodeSource } from '../../file-system/read-source';
import { defineFact } from '../fact';
import { projectFiles } from './files';

type ModuleInfoModule = typeof import('../../adapters/typescript/module-info');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see lazyModule
const moduleInfo = lazyModule(() => require('../../adapters/typescript/module-info') as ModuleInfoModule);

export const TS_SOURCE_PATTERN = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
export const DECLARATION_PATTERN = /\.d\.[cm]?ts$/;

/** A TS/JS source file's imports and exports, or why it could not be read as source. */
export interface SourceModule {
  /** Workspace-relative. */
  file: string;
  info?: ModuleInfo;
  error?: string;
}

/** Syntax-only import/export extraction, one parse per file and run, on demand. */
export class TypeScriptSources {
  private readonly modules = new Map<string, SourceModule>();

  constructor(
    private readonly source: FileSource,
    /** The project's TS/JS source files (declarations left out), workspace-relative. */
    readonly files: readonly string[],
  ) {}

  module(file: string): SourceModule {
    let found = this.modules.get(file);
    if (!found) {
      const decoded = decodeSource(this.source.readBytes(file));
      found = decoded.error !== undefined ? { file, error: decoded.error } : parseModule(file, decoded.text);
      this.modules.set(file, found);
    }
    return found;
  }

  all(): SourceModule[] {
    return this.files.map((file) => this.module(file));
  }
}

/** Why a file is not parsed when the parser runs out of stack on it (20,000 nested arrays). */
export const NESTED_TOO_DEEPLY = 'is nested too deeply to be parsed (the parser ran out of stack)';

/** A module's imports and exports; a file too deeply nested for the parser's stack is reported, not a crash. */
function parseModule(file: string, text: string): SourceModule {
  try {
    return { file, info: moduleInfo().extractModuleInfo(file, text) };
  } catch (error) {
    if (error instanceof RangeError) return { file, error: NESTED_TOO_DEEPLY };
    throw error;
  }
}

/** The project's TS/JS sources and their imports and exports (parsed per file when first asked for). */
export const typescriptSources = defineFact({
  id: 'typescript/sources',
  inputs: [projectFiles],
  compute: (project, files) =>
    new TypeScriptSources(
      project.workspace.source,
      files.map((f) => f.file).filter((f) => TS_SOURCE_PATTERN.test(f) && !DECLARATION_PATTERN.test(f)),
    ),
});

/**
 * The project's typed program (ts-morph, with a type checker), built from its library tsconfig; only the checks
 * that need types ask for it. Reads the disk.
 */
export const typescriptProgram = defineFact({
  id: 'typescript/program',
  inputs: [typescriptSources],
  compute: (project, sources) => {
    const tsConfigFilePath = ['tsconfig.lib.json', 'tsconfig.json']
      .map((name) => join(project.absRoot, name))
      .find((path) => existsSync(path));
    const program = tsConfigFilePath
      ? sharedLibProject({ tsConfigFilePath, skipFileDependencyResolution: true })
      : sharedLibProject({ compilerOptions: { allowJs: true, strict: true } });
    if (!tsConfigFilePath) program.addSourceFilesAtPaths(sources.files.map((f) => join(project.workspaceRoot, f)));
    return program;
  },
});
