import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { libraryTsconfig, runProcess, ShipshapeError, type ShipshapeProject } from '@shipshape/core';
import { typescriptEntries, type TypescriptEntry } from './entries';

/** A report built from the code: where it goes (project-relative) and its text. */
export interface BuiltReport {
  /** Project-relative: `api/<entry>.api.md`. */
  file: string;
  /** The entry it reports ('.', './utils'; the package name for Python). */
  entry: string;
  text: string;
}

/** A message api-extractor gave while building a report (ae-forgotten-export, ae-missing-release-tag, TS errors). */
export interface ReportMessage {
  entry: string;
  id: string;
  text: string;
  /** Workspace-relative, when the message has a place. */
  file?: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning' | 'info';
}

export interface ReportBuild {
  reports: BuiltReport[];
  messages: ReportMessage[];
  /** Exports subpaths that get no report (patterns, non-code files), for the log. */
  skipped: string[];
}

export interface TypescriptReportOptions {
  /** Bound of the declaration emit (tsc), default 5 minutes. */
  timeoutMs?: number;
}

/**
 * The api-extractor report of every public entry of a TypeScript package. The input is the build's declaration
 * file when the exports map points at one that exists; otherwise the project's tsconfig is compiled with tsc
 * (declarations only) into a temporary folder. api-extractor runs in process, its config built in memory.
 * Throws one ShipshapeError when the project does not compile or api-extractor fails on an entry.
 */
export async function buildTypescriptReports(project: ShipshapeProject, options: TypescriptReportOptions = {}): Promise<ReportBuild> {
  const { entries, skipped } = typescriptEntries(project);
  const messages: ReportMessage[] = [];
  if (entries.length === 0) return { reports: [], messages, skipped };
  const temp = mkdtempSync(join(tmpdir(), 'shipshape-api-'));
  try {
    const needEmit = entries.filter((e) => !e.declarations || !existsSync(join(project.workspaceRoot, e.declarations)));
    const emitted = needEmit.length ? await emitDeclarations(project, join(temp, 'dts'), options.timeoutMs ?? 300_000) : [];
    const inputs = entries.map((entry) => ({ entry, dts: declarationsOf(project, entry, emitted, join(temp, 'dts')) }));
    const shared: SharedCompiler = { files: inputs.map((i) => i.dts) };
    const reports = inputs.map(({ entry, dts }) => runExtractor(project, entry, dts, join(temp, 'report'), messages, shared));
    return { reports, messages, skipped };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function declarationsOf(project: ShipshapeProject, entry: TypescriptEntry, emitted: string[], emitDir: string): string {
  if (entry.declarations && existsSync(join(project.workspaceRoot, entry.declarations)))
    return join(project.workspaceRoot, entry.declarations);
  if (!entry.source)
    throw new ShipshapeError(
      `${project.file('package.json')}: the exports entry "${entry.subpath}" has no declaration file and no known source`,
    );
  // the emitted file whose path ends with the longest tail of the source's path
  const parts = entry.source.replace(/\.([cm]?)tsx?$/, '.d.$1ts').split('/');
  for (let take = parts.length; take >= 1; take--) {
    const tail = parts.slice(parts.length - take).join('/');
    const found = emitted.filter((file) => file === tail || file.endsWith(`/${tail}`));
    if (found.length === 1) return join(emitDir, found[0]);
    if (found.length > 1) continue;
  }
  throw new ShipshapeError(
    `${entry.source}: tsc emitted no declaration file for the exports entry "${entry.subpath}" (is it included by ${project.get(libraryTsconfig)?.path ?? 'the tsconfig'}?)`,
  );
}

/** The typescript package the workspace uses (its own compiler), else the one api-extractor brings. */
function typescriptCompiler(workspaceRoot: string): string {
  for (const from of [join(workspaceRoot, 'package.json'), __filename]) {
    try {
      return createRequire(from).resolve('typescript/bin/tsc');
    } catch {
      // next
    }
  }
  const extractor = createRequire(require.resolve('@microsoft/api-extractor'));
  return extractor.resolve('typescript/bin/tsc');
}

/** Declarations only, into `outDir`, from the library tsconfig; returns the emitted .d.ts paths relative to outDir. */
async function emitDeclarations(project: ShipshapeProject, outDir: string, timeoutMs: number): Promise<string[]> {
  const tsconfig = project.get(libraryTsconfig);
  if (!tsconfig)
    throw new ShipshapeError(
      `${project.root}: no tsconfig (tsconfig.lib.json, tsconfig.build.json or tsconfig.json) to compile the declarations of the API report from`,
    );
  const tsc = typescriptCompiler(project.workspaceRoot);
  const args = [
    tsc,
    '-p',
    join(project.workspaceRoot, tsconfig.path),
    '--declaration',
    '--emitDeclarationOnly',
    '--noEmit',
    'false',
    '--outDir',
    outDir,
    '--declarationDir',
    outDir,
    '--declarationMap',
    'false',
    '--sourceMap',
    'false',
    '--incremental',
    'false',
    '--composite',
    'false',
    '--tsBuildInfoFile',
    'null',
    '--pretty',
    'false',
  ];
  const run = await runProcess(process.execPath, args, { cwd: project.absRoot, timeoutMs });
  if (run.timedOut) throw new ShipshapeError(`${tsconfig.path}: tsc did not finish the declarations in ${Math.round(timeoutMs / 1000)} s`);
  const files = existsSync(outDir) ? listDeclarations(outDir) : [];
  const errors = `${run.stdout}${run.stderr}`
    .split('\n')
    .filter((l) => /error TS\d+/.test(l))
    .map((l) => l.trim());
  if (errors.length && files.length === 0)
    throw new ShipshapeError(
      `${tsconfig.path}: the project does not compile, so it has no API report: ${errors.slice(0, 3).join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`,
    );
  if (errors.length)
    throw new ShipshapeError(
      `${tsconfig.path}: the project does not compile, so its API report would be wrong: ${errors.slice(0, 3).join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`,
    );
  if (files.length === 0)
    throw new ShipshapeError(
      `${tsconfig.path}: tsc emitted no declarations (${(run.stderr || run.stdout).trim().slice(0, 300) || `exit ${run.code}`})`,
    );
  return files;
}

function listDeclarations(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listDeclarations(path, base));
    else if (/\.d\.[cm]?ts$/.test(name)) out.push(relative(base, path).split('\\').join('/'));
  }
  return out;
}

/**
 * The global declarations the package's declarations are written against: the library tsconfig's `lib` and
 * `types` (a service worker library's `webworker`, Node's `@types/node`); without a tsconfig (a published
 * package), the latest ECMAScript and the DOM, and every installed @types package.
 */
function ambientOptions(project: ShipshapeProject): { lib: string[]; types?: string[] } {
  const options = project.get(libraryTsconfig)?.compilerOptions ?? {};
  const lib = Array.isArray(options.lib)
    ? options.lib.filter((l): l is string => typeof l === 'string').map((l) => l.toLowerCase().replace(/^lib\.|\.d\.ts$/g, ''))
    : undefined;
  const types = Array.isArray(options.types) ? options.types.filter((t): t is string => typeof t === 'string') : undefined;
  return { lib: lib?.length ? lib : ['esnext', 'dom', 'dom.iterable'], ...(types ? { types } : {}) };
}

/** api-extractor's failure, with what to do about the one that is about the environment, not the code. */
function explainFailure(text: string): string {
  const symbol = /Unable to follow symbol for "([^"]+)"/.exec(text);
  if (/not supported for external modules/.test(text))
    return `${text}: the entry re-exports another package's module (\`export * from 'other-package'\`), which api-extractor cannot list; export the names one by one, or report that package itself`;
  return symbol
    ? `${text}: "${symbol[1]}" is a global type the declarations use but no lib or @types package of the analysis declares; add the lib that declares it (e.g. "webworker", "esnext.disposable") to the tsconfig's "lib", or install its @types package`
    : text;
}

type ExtractorModule = typeof import('@microsoft/api-extractor');

/** One TypeScript program for every entry of a package: api-extractor analyses it once, not once per entry. */
interface SharedCompiler {
  files: string[];
  state?: import('@microsoft/api-extractor').CompilerState;
}

/** api-extractor on one entry's declaration file; its report text (LF line endings). */
function runExtractor(
  project: ShipshapeProject,
  entry: TypescriptEntry,
  dts: string,
  reportDir: string,
  messages: ReportMessage[],
  shared: SharedCompiler,
): BuiltReport {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded here: the plugin and the checks never pay for it
  const { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel } = require('@microsoft/api-extractor') as ExtractorModule;
  const name = posix.basename(entry.report).replace(/\.api\.md$/, '');
  const folder = join(reportDir, name);
  mkdirSync(folder, { recursive: true });
  const packageJsonFullPath = join(project.absRoot, 'package.json');
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: project.absRoot,
      mainEntryPointFilePath: dts,
      bundledPackages: [],
      newlineKind: 'lf',
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'es2022',
            module: 'nodenext',
            moduleResolution: 'nodenext',
            strict: true,
            skipLibCheck: true,
            noEmit: true,
            ...ambientOptions(project),
          },
          files: shared.files,
        },
      },
      apiReport: { enabled: true, reportFileName: name, reportFolder: folder, reportTempFolder: folder, includeForgottenExports: false },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        extractorMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: join(project.absRoot, 'api-extractor.json'),
    packageJsonFullPath,
  });
  let failure: string | undefined;
  try {
    shared.state ??= CompilerState.create(config, { additionalEntryPoints: shared.files });
    const result = Extractor.invoke(config, {
      compilerState: shared.state,
      localBuild: true,
      showVerboseMessages: false,
      messageCallback: (message) => {
        message.handled = true;
        if (message.logLevel === ExtractorLogLevel.None || message.logLevel === ExtractorLogLevel.Verbose) return;
        const file = message.sourceFilePath ? relative(project.workspaceRoot, message.sourceFilePath).split('\\').join('/') : undefined;
        messages.push({
          entry: entry.subpath,
          id: message.messageId,
          text: message.text,
          file: file && !file.startsWith('..') ? file : undefined,
          line: message.sourceFileLine,
          column: message.sourceFileColumn,
          severity:
            message.logLevel === ExtractorLogLevel.Error ? 'error' : message.logLevel === ExtractorLogLevel.Warning ? 'warning' : 'info',
        });
      },
    });
    if (!result.succeeded && result.errorCount > 0 && !existsSync(join(folder, `${name}.api.md`)))
      failure = messages
        .filter((m) => m.severity === 'error' && m.entry === entry.subpath)
        .map((m) => `${m.file ? `${m.file}:${m.line ?? 0}: ` : ''}${m.text}`)
        .slice(0, 3)
        .join('; ');
  } catch (error) {
    failure = explainFailure((error as Error).message.split('\n')[0]);
  }
  const out = join(folder, `${name}.api.md`);
  if (failure !== undefined || !existsSync(out))
    throw new ShipshapeError(
      `${project.file('package.json')}: api-extractor could not report the entry "${entry.subpath}" (${relative(project.workspaceRoot, dts)}): ${failure || 'no report written'}`,
    );
  let text = readFileSync(out, 'utf8');
  // a relative star export left as written: api-extractor took the package's own modules for another package's
  // (TypeScript marks every file below a node_modules folder external), so the report would list nothing
  const unfollowed = /^export \* from ["'](\.\.?\/[^"']+)["']/m.exec(text);
  if (unfollowed)
    throw new ShipshapeError(
      `${relative(project.workspaceRoot, dts)}: api-extractor could not follow export * from "${unfollowed[1]}" (the declarations lie below a node_modules folder, which TypeScript treats as another package's), so the report of the entry "${entry.subpath}" would be empty`,
    );
  // api-extractor names the package only: a subpath's report says which entry it is
  if (entry.subpath !== '.')
    text = text.replace(
      /^## API Report File for "([^"]+)"/,
      (_all, pkg: string) => `## API Report File for "${pkg}${entry.subpath.slice(1)}"`,
    );
  return { file: entry.report, entry: entry.subpath, text };
}

/** For tests and tools: write a report build's files under a folder. */
export function writeReports(folder: string, reports: readonly BuiltReport[]): void {
  for (const report of reports) {
    mkdirSync(join(folder, posix.dirname(report.file)), { recursive: true });
    writeFileSync(join(folder, report.file), report.text);
  }
}
