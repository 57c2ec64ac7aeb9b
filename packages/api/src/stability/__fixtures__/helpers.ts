import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { Extractor, ExtractorConfig, type ExtractorMessage } from '@microsoft/api-extractor';
import * as ts from 'typescript';

export const FIXTURES = __dirname;

/** A workspace Tree holding the named fixtures, each registered as an Nx library project at libs/<name>. */
export function fixtureTree(...names: string[]): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const name of names) {
    const root = `libs/${name}`;
    addProjectConfiguration(tree, name, { root, sourceRoot: `${root}/src`, projectType: 'library' });
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else tree.write(`${root}/${relative(join(FIXTURES, name), path).split('\\').join('/')}`, readFileSync(path));
      }
    };
    walk(join(FIXTURES, name));
  }
  return tree;
}

/** Writes the Tree's files under `root` to a temporary folder, runs `use` on it, and removes it. */
export async function onDisk<T>(tree: Tree, root: string, use: (dir: string) => T | Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-stability-'));
  try {
    const walk = (path: string) => {
      for (const name of tree.children(path)) {
        const child = `${path}/${name}`;
        if (tree.isFile(child)) {
          const target = join(dir, relative(root, child));
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, tree.read(child)!);
        } else walk(child);
      }
    };
    walk(root);
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `tsc --noEmit -p dir`: '' when it compiles, else the diagnostics. */
export function typeCheck(dir: string): string {
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

export interface ExtractorFinding {
  id: string;
  /** Relative to the project folder, forward slashes. */
  file: string;
  line: number;
  text: string;
}

/**
 * api-extractor for real on a project folder: tsc emits its .d.ts (with declaration maps, so api-extractor
 * reports at the .ts source) into a temporary folder, then `Extractor.invoke` on each entry with
 * ae-missing-release-tag and ae-incompatible-release-tags reported.
 */
export function runApiExtractor(dir: string, entries: readonly string[], compilerOptions: ts.CompilerOptions = {}): ExtractorFinding[] {
  const out = join(dir, '.dts');
  const program = ts.createProgram({
    rootNames: entries.map((e) => join(dir, e)),
    options: {
      declaration: true,
      declarationMap: true,
      emitDeclarationOnly: true,
      rootDir: join(dir, 'src'),
      outDir: out,
      strict: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.CommonJS,
      types: [],
      ...compilerOptions,
    },
  });
  const emitted = program.emit();
  const errors = ts.getPreEmitDiagnostics(program).concat(emitted.diagnostics);
  if (errors.length > 0) throw new Error(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n' }));
  const found: ExtractorFinding[] = [];
  for (const entry of entries) {
    const dts = join(out, relative(join(dir, 'src'), join(dir, entry))).replace(/\.ts$/, '.d.ts');
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: dir,
        mainEntryPointFilePath: dts,
        compiler: { overrideTsconfig: { compilerOptions: { skipLibCheck: true, types: [] }, files: [dts] } },
        apiReport: { enabled: false, reportFileName: 'x.api.md' },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          extractorMessageReporting: {
            default: { logLevel: 'none' as never },
            'ae-missing-release-tag': { logLevel: 'warning' as never },
            'ae-incompatible-release-tags': { logLevel: 'warning' as never },
          },
          compilerMessageReporting: { default: { logLevel: 'warning' as never } },
          tsdocMessageReporting: { default: { logLevel: 'none' as never } },
        },
      },
      configObjectFullPath: join(dir, 'api-extractor.json'),
      packageJsonFullPath: join(dir, 'package.json'),
    });
    Extractor.invoke(config, {
      localBuild: true,
      messageCallback: (message: ExtractorMessage) => {
        message.handled = true;
        if (message.messageId !== 'ae-missing-release-tag' && message.messageId !== 'ae-incompatible-release-tags') return;
        found.push({
          id: message.messageId,
          file: relative(dir, message.sourceFilePath ?? '').split('\\').join('/'),
          line: message.sourceFileLine ?? 0,
          text: message.text,
        });
      },
    });
  }
  return found;
}

/** `python3 -c` with `sys.path` starting at `pathEntry` under `dir`; prints the expression as JSON. */
export function pythonImport(dir: string, pathEntry: string, statements: string, expression: string): unknown {
  const code = `import json, sys\nsys.path.insert(0, ${JSON.stringify(join(dir, pathEntry))})\n${statements}\nprint(json.dumps(${expression}))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-I', '-B', '-c', code], { encoding: 'utf8', cwd: dir }));
}
