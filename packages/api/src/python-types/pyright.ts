import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import {
  defineFact,
  errorMessage,
  IncompleteAuditError,
  projectFiles,
  pyproject,
  pythonInterpreter,
  runProcess,
  type ShipshapeProject,
} from '@shipshape/core';
import { typedPackages, type TypedPackage } from './py-typed';

/** pyright on a large package (rich: 12 s on 2 CPUs) with room for a loaded machine. */
export const PYRIGHT_TIMEOUT_MS = 240_000;

/** One symbol whose type pyright could not tell completely. */
export interface IncompleteSymbol {
  name: string;
  category: string;
  /** Workspace-relative file of pyright's first diagnostic, when it names one; the line is the definition's, found by name. */
  file?: string;
  line?: number;
  message: string;
}

export interface Completeness {
  package: string;
  folder: string;
  /** pyright's completenessScore, as a percentage. */
  percent: number;
  known: number;
  ambiguous: number;
  unknown: number;
  /** Exported symbols with unknown or ambiguous types, most referenced first. */
  incomplete: IncompleteSymbol[];
}

/** pyright's CLI entry, from the npm `pyright` package (a dependency of @shipshape/api). */
export function pyrightEntry(): string {
  return require.resolve('pyright/index.js');
}

/** Which package pyright verifies: the one named like the distribution, else the only typed one, else the first typed one. */
export function verifiedPackage(project: ShipshapeProject, packages: readonly TypedPackage[]): TypedPackage | undefined {
  const marked = packages.filter((p) => p.hasPyTyped);
  const distribution = project.get(pyproject)?.data.project?.name;
  const normalized = typeof distribution === 'string' ? distribution.replace(/[-.]+/g, '_').toLowerCase() : undefined;
  return marked.find((p) => p.name.toLowerCase() === normalized) ?? marked[0];
}

interface PyrightSymbol {
  category: string;
  name: string;
  referenceCount: number;
  isExported: boolean;
  isTypeKnown: boolean;
  isTypeAmbiguous: boolean;
  alternateNames?: string[];
  diagnostics: Array<{ file: string; severity: string; message: string; range?: { start: { line: number } } }>;
}

interface PyrightReport {
  generalDiagnostics?: Array<{ message: string }>;
  typeCompleteness?: {
    packageRootDirectory?: string;
    completenessScore: number;
    exportedSymbolCounts: { withKnownType: number; withAmbiguousType: number; withUnknownType: number };
    symbols: PyrightSymbol[];
  };
}

/**
 * Runs `pyright --verifytypes <package> --ignoreexternal --outputjson` once on a copy of the package's files as the
 * project's file source holds them (the Tree's pending changes included), made importable through PYTHONPATH and
 * with Shipshape's interpreter as `--pythonpath`. Throws IncompleteAuditError when pyright cannot run or answer.
 */
export async function verifyTypes(
  project: ShipshapeProject,
  pkg: TypedPackage,
  python: string,
  /** Contents that replace or add to the file source's (a generator's changes before they are written). */
  overlay: ReadonlyMap<string, string> = new Map(),
): Promise<Completeness> {
  const wanted = (file: string) => file.startsWith(`${pkg.folder}/`) && /\.(py|pyi)$|\/py\.typed$/.test(file);
  const files = [...new Set([...project.get(projectFiles).map((f) => f.file), ...overlay.keys()])].filter(wanted);
  const temp = mkdtempSync(join(tmpdir(), 'shipshape-pyright-'));
  try {
    const base = posix.dirname(pkg.folder);
    const local = (file: string) => join(temp, 'src', posix.relative(base, file));
    for (const file of files) {
      const text = overlay.get(file) ?? project.workspace.source.read(file);
      if (text === undefined) continue;
      mkdirSync(dirname(local(file)), { recursive: true });
      writeFileSync(local(file), text);
    }
    // On the Tree, py.typed may be a pending file that the listing does not show yet.
    const marker = `${pkg.folder}/py.typed`;
    if (!files.includes(marker) && project.workspace.source.isFile(marker)) {
      mkdirSync(dirname(local(marker)), { recursive: true });
      writeFileSync(local(marker), project.workspace.source.read(marker) ?? '');
    }
    const result = await runProcess(
      process.execPath,
      [pyrightEntry(), '--verifytypes', pkg.name, '--ignoreexternal', '--outputjson', '--pythonpath', python],
      { cwd: temp, timeoutMs: PYRIGHT_TIMEOUT_MS, env: { ...process.env, PYTHONPATH: join(temp, 'src'), NODE_OPTIONS: '' } },
    );
    if (result.timedOut)
      throw new IncompleteAuditError(`pyright --verifytypes ${pkg.name} did not finish in ${PYRIGHT_TIMEOUT_MS / 1000} s`);
    if (result.spawnError) throw new IncompleteAuditError(`pyright could not start: ${result.spawnError.message}`);
    let report: PyrightReport;
    try {
      report = JSON.parse(result.stdout) as PyrightReport;
    } catch {
      throw new IncompleteAuditError(
        `pyright --verifytypes ${pkg.name} gave no report (exit ${result.code}): ${(result.stderr || result.stdout).trim().split('\n')[0] ?? ''}`,
      );
    }
    const completeness = report.typeCompleteness;
    if (!completeness?.packageRootDirectory) {
      const said = report.generalDiagnostics?.map((d) => d.message).join('; ') || 'the package was not found';
      throw new IncompleteAuditError(`pyright --verifytypes ${pkg.name} could not verify the package: ${said}`);
    }
    const workspaceFile = (path: string) => {
      const relative = posix.relative(join(temp, 'src').split('\\').join('/'), path.split('\\').join('/'));
      return relative.startsWith('..') || relative === '' ? undefined : base === '.' ? relative : `${base}/${relative}`;
    };
    const counts = completeness.exportedSymbolCounts;
    // An exported alias (httpx.Client) carries no diagnostics: its definition (httpx._client.Client) does.
    const byAlternate = new Map<string, PyrightSymbol>();
    for (const symbol of completeness.symbols) for (const name of symbol.alternateNames ?? []) byAlternate.set(name, symbol);
    const typeProblem = (d: PyrightSymbol['diagnostics'][number]) => d.severity === 'error';
    const incomplete = completeness.symbols
      .filter((s) => s.isExported && (!s.isTypeKnown || s.isTypeAmbiguous))
      .sort((a, b) => b.referenceCount - a.referenceCount || a.name.localeCompare(b.name))
      .map((s): IncompleteSymbol => {
        const diagnostics = s.diagnostics.some(typeProblem) ? s.diagnostics : (byAlternate.get(s.name)?.diagnostics ?? []);
        const first = diagnostics.find((d) => typeProblem(d) && d.file) ?? diagnostics.find(typeProblem);
        const file = first?.file ? workspaceFile(first.file) : undefined;
        return {
          name: s.name,
          category: s.category,
          file,
          // pyright's range can be the re-export's (the import in __init__.py) while its file is the definition's
          line: undefined,
          message: (first?.message ?? (s.isTypeAmbiguous ? 'type is ambiguous' : 'type is unknown')).split('\n')[0],
        };
      });
    return {
      package: pkg.name,
      folder: pkg.folder,
      percent: completeness.completenessScore * 100,
      known: counts.withKnownType,
      ambiguous: counts.withAmbiguousType,
      unknown: counts.withUnknownType,
      incomplete,
    };
  } catch (error) {
    if (error instanceof IncompleteAuditError) throw error;
    throw new IncompleteAuditError(`pyright --verifytypes could not run: ${errorMessage(error)}`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * The type completeness of the project's main typed package, by one pyright run; undefined when no package is
 * typed and marked (the py.typed check says what to do first).
 */
export const typeCompleteness = defineFact({
  id: 'api/python-verifytypes',
  compute: async (project: ShipshapeProject): Promise<Completeness | undefined> => {
    const pkg = verifiedPackage(project, await project.get(typedPackages));
    if (!pkg) return undefined;
    const python = await project.workspace.get(pythonInterpreter);
    return verifyTypes(project, pkg, python);
  },
});
