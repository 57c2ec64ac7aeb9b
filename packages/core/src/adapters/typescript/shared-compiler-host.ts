import { dirname, sep } from 'node:path';
import { compilerOptionsKey, ParsedFiles } from './parsed-files';

/** What of a TypeScript module a shared compiler host needs (any version: the user's, or ts-morph's). */
export interface CompilerApi {
  createCompilerHost(options: object): {
    getSourceFile(fileName: string, languageVersionOrOptions: unknown, ...rest: never[]): unknown;
    readFile(fileName: string): string | undefined;
  };
  getDefaultLibFilePath(options: object): string;
  createSourceFile(fileName: string, text: string, languageVersionOrOptions: never): unknown;
}

const perTypeScript = new WeakMap<object, ParsedFiles<unknown>>();

/** The settings a file is parsed with, as a program passes them: a language version, or an object with more. */
function parseSettingsKey(settings: unknown): string {
  if (typeof settings !== 'object' || settings === null) return String(settings);
  const { languageVersion, impliedNodeFormat, jsDocParsingMode } = settings as Record<string, unknown>;
  return [languageVersion, impliedNodeFormat, jsDocParsingMode].join('|');
}

/**
 * `typescript.createCompilerHost(options)` whose parsed files are shared with every other such host of the process
 * for the same TypeScript: a program built with it parses a lib file, or a workspace file with the same text,
 * once for all. Keyed as TypeScript's language service shares files between programs (path, the settings the
 * program parses it with, the compiler options that change parsing and binding); reused only for the same text.
 */
export function sharedCompilerHost<Host>(typescript: CompilerApi, options: Record<string, unknown>): Host {
  let files = perTypeScript.get(typescript);
  if (!files) {
    const libFolder = dirname(typescript.getDefaultLibFilePath(options)) + sep;
    files = new ParsedFiles<unknown>((key) => key.startsWith(libFolder));
    perTypeScript.set(typescript, files);
  }
  const shared = files;
  const host = typescript.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host) as (...args: unknown[]) => unknown;
  const optionsKey = compilerOptionsKey(typescript, options);
  host.getSourceFile = (fileName: string, settings: unknown, ...rest: never[]) => {
    const text = host.readFile(fileName);
    if (text === undefined) return getSourceFile(fileName, settings, ...rest);
    // parsed from the text compared, as the host's own getSourceFile would parse it (no parent pointers)
    return shared.get([fileName, parseSettingsKey(settings), optionsKey].join('\u0000'), text, () =>
      typescript.createSourceFile(fileName, text, settings as never),
    );
  };
  return host as Host;
}
