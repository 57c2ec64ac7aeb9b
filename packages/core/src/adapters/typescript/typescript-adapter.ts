import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project as TsMorphProject } from 'ts-morph';
import type { ProjectFile } from '../../project/files';
import { lazy } from '../../util/memo';
import { extractModuleInfo, type ModuleInfo } from './module-info';

export const TS_SOURCE_PATTERN = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const DECLARATION_PATTERN = /\.d\.[cm]?ts$/;

export interface ModuleResult {
  file: ProjectFile;
  info?: ModuleInfo;
  /** Why the file could not be read as source (binary content, not UTF-8). */
  error?: string;
}

/**
 * One project's TypeScript/JavaScript view. Import/export extraction is per file and syntax-only;
 * the full program (with a type checker) is built once, and only when a check asks for it.
 */
export class TypeScriptAdapter {
  constructor(
    private readonly absRoot: string,
    private readonly listFiles: () => ProjectFile[],
  ) {}

  readonly sourceFiles = lazy(() => this.listFiles().filter((f) => TS_SOURCE_PATTERN.test(f.path) && !DECLARATION_PATTERN.test(f.path)));

  private readonly modules = new Map<string, ModuleResult>();

  module(file: ProjectFile): ModuleResult {
    let result = this.modules.get(file.path);
    if (!result) {
      result = readModule(file);
      this.modules.set(file.path, result);
    }
    return result;
  }

  allModules(): ModuleResult[] {
    return this.sourceFiles().map((file) => this.module(file));
  }

  /** The tsconfig that describes the library's sources, if the project has one. */
  readonly tsconfigPath = lazy(() =>
    ['tsconfig.lib.json', 'tsconfig.json'].map((name) => join(this.absRoot, name)).find((path) => existsSync(path)),
  );

  readonly program = lazy(() => {
    const tsConfigFilePath = this.tsconfigPath();
    const project = tsConfigFilePath
      ? new TsMorphProject({ tsConfigFilePath, skipFileDependencyResolution: true })
      : new TsMorphProject({ compilerOptions: { allowJs: true, strict: true } });
    if (!tsConfigFilePath) project.addSourceFilesAtPaths(this.sourceFiles().map((f) => f.path));
    return project;
  });
}

function readModule(file: ProjectFile): ModuleResult {
  const content = readFileSync(file.path);
  if (content.subarray(0, 8192).includes(0)) return { file, error: 'is a binary file, not source code' };
  const text = content.toString('utf8');
  if (text.includes('\uFFFD')) return { file, error: 'is not valid UTF-8' };
  return { file, info: extractModuleInfo(file.path, text) };
}
