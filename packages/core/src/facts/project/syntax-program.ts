import type { Project, SourceFile } from 'ts-morph';
import { tsMorph } from '../../adapters/typescript/lazy-ts-morph';
import { sharedLibProject } from '../../adapters/typescript/shared-lib-project';
import type { ShipshapeProject } from '../shipshape-project';

/** `/` + the workspace-relative path: where a syntax program keeps a workspace file. */
export const programPath = (file: string): string => `/${file}`;

/** The workspace-relative path of a file of a syntax program. */
export const workspacePathOf = (source: SourceFile): string => source.getFilePath().replace(/^\//, '');

/**
 * An empty in-memory ts-morph program for reading what modules export (syntax and symbols), with the options every
 * such program of the suite shares, so that each file is parsed once for all of them.
 */
export function syntaxProgram(options: { strict?: boolean } = {}): Project {
  const { ts } = tsMorph();
  return sharedLibProject({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    compilerOptions: {
      allowJs: true,
      ...(options.strict ? { strict: true } : {}),
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.Preserve,
      noEmit: true,
    },
  });
}

/**
 * Adds a workspace file to a syntax program as the run sees it (a generator's Tree with its pending changes, or the
 * disk), at its `programPath`. Left out: a file that cannot be read, a binary one (a NUL byte), one over `maxBytes`.
 */
export function addWorkspaceFile(program: Project, project: ShipshapeProject, file: string, maxBytes = Infinity): void {
  const text = project.workspace.source.read(file);
  if (text !== undefined && text.length <= maxBytes && !text.includes('\u0000'))
    program.createSourceFile(programPath(file), text, { overwrite: true });
}
