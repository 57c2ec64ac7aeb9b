import {
  defineFixGenerator,
  editJson,
  libraryTsconfig,
  npmInstallation,
  parseJsonWithComments,
  projectRelative,
  type FixResult,
  type ShipshapeProject,
} from '@shipshape/core';
import { API_OPTIONS } from '../../options';
import { FLOORS_FILE, raisedFloors } from '../../shared/floors';
import { applyCompiling, planAnnotations } from '../../types/annotate';
import { isolatedDiagnostics, isIsolatedDeclarationsCode } from '../../types/isolated-declarations';
import { absolutePath, compiledSources, publicDeclarations, publicEntries, typesProgram } from '../../types/program';
import { COVERAGE_FLOOR, typeCoverage } from '../../types/type-coverage';
import type { ExplicitTypesGeneratorSchema } from './schema';

/** The first TypeScript that knows `isolatedDeclarations`. */
const ISOLATED_SINCE = [5, 5];

/** The original bytes of a file with the program's (decoded) text replaced: the byte-order mark kept. */
function withBom(original: string, text: string): string {
  return original.charCodeAt(0) === 0xfeff ? `\ufeff${text}` : text;
}

/**
 * Turns on `isolatedDeclarations` in the project's own library tsconfig when no exported declaration of its
 * sources still needs the checker (every diagnostic gone), the tsconfig emits declarations and the installed
 * TypeScript knows the option. The tsconfig is edited in place (comments and layout kept).
 */
function enableIsolatedDeclarations(project: ShipshapeProject, result: Required<Pick<FixResult, 'changes' | 'done' | 'left'>>): void {
  const config = project.get(libraryTsconfig);
  if (!config) return;
  if (config.compilerOptions.isolatedDeclarations === true) return;
  const path = config.path;
  if (projectRelative(project.root, path).startsWith('..')) return;
  const program = project.get(typesProgram);
  const compiler = program.getProgram().compilerObject;
  // every file the tsconfig compiles, tests included: tsc reports them all once the option is on
  const remaining = compiledSources(project, true).flatMap((file) => {
    const source = compiler.getSourceFile(absolutePath(project, file));
    return source ? compiler.getDeclarationDiagnostics(source).filter((d) => isIsolatedDeclarationsCode(d.code)) : [];
  }).length;
  if (remaining > 0) {
    result.left.push(
      `${path}: isolatedDeclarations not turned on: ${remaining} declaration${remaining > 1 ? 's' : ''} of the library's sources still need${remaining > 1 ? '' : 's'} an explicit type (see above, and the non-public ones: \`tsc --isolatedDeclarations --declaration --noEmit -p ${path}\`)`,
    );
    return;
  }
  if (config.compilerOptions.declaration !== true && config.compilerOptions.composite !== true) {
    result.left.push(
      `${path}: isolatedDeclarations needs "declaration" (or "composite"); the tsconfig sets neither, so it was not turned on`,
    );
    return;
  }
  const installed = project.workspace.get(npmInstallation).resolve('typescript', project.root);
  const [major, minor] = (installed?.version ?? '0.0').split('.').map(Number);
  if (!installed || major < ISOLATED_SINCE[0] || (major === ISOLATED_SINCE[0] && minor < ISOLATED_SINCE[1])) {
    result.left.push(
      `${path}: isolatedDeclarations not turned on: it needs TypeScript 5.5 or later, and the workspace has ${installed ? `TypeScript ${installed.version}` : 'no TypeScript installed'}`,
    );
    return;
  }
  const text = project.workspace.source.read(path) ?? '';
  const data = parseJsonWithComments<Record<string, unknown>>(text, path) ?? {};
  const edits = [{ path: ['compilerOptions', 'isolatedDeclarations'], value: true }];
  const edited =
    data.compilerOptions === undefined
      ? editJson(text, [{ path: ['compilerOptions'], value: { isolatedDeclarations: true } }], path)
      : editJson(text, edits, path);
  result.changes.push({ path, content: edited });
  result.done.push(`${path}: set compilerOptions.isolatedDeclarations to true (every exported declaration has an explicit type)`);
}

/** Raises the type-coverage floor to the figure measured on the disk (never with a figure missing dependencies). */
function raiseFloor(project: ShipshapeProject, result: Required<Pick<FixResult, 'changes' | 'done' | 'left'>>): void {
  const coverage = project.get(typeCoverage);
  if (!coverage) return;
  const path = project.file(FLOORS_FILE);
  if (coverage.unresolved.length > 0) {
    result.left.push(
      `${path}: the type-coverage floor was not raised: ${coverage.unresolved.length} import${coverage.unresolved.length > 1 ? 's do' : ' does'} not resolve (e.g. "${coverage.unresolved[0]}"), so the figure is incomplete; install the dependencies and run again`,
    );
    return;
  }
  const next = raisedFloors(project.workspace.source.read(path), path, COVERAGE_FLOOR, coverage.percent);
  if (next === undefined) return;
  result.changes.push({ path, content: next });
  result.done.push(`${path}: raised the ${COVERAGE_FLOOR} floor to ${Math.floor(coverage.percent * 10) / 10} %`);
}

/**
 * `nx g @shipshape/api:explicit-types --project=x`: writes the type the compiler infers into each exported
 * declaration the isolatedDeclarations diagnostics name, where the type prints on one line, names nothing the
 * file cannot see and compiles (the project's program is checked again with the types written; what adds a
 * diagnostic is taken back). Then turns on isolatedDeclarations when nothing is left, and raises the
 * type-coverage floor.
 */
export const explicitTypesGenerator = defineFixGenerator<ExplicitTypesGeneratorSchema>({
  name: '@shipshape/api:explicit-types',
  sections: [API_OPTIONS],
  fix: ({ project }) => {
    const result = { changes: [] as Array<{ path: string; content: string }>, done: [] as string[], left: [] as string[] };
    if (project.get(publicEntries).length === 0) return result;
    const program = project.get(typesProgram);
    const missing = isolatedDiagnostics(project, program, project.get(publicDeclarations));
    const plan = planAnnotations(project, program, missing);
    const applied = applyCompiling(project, program, plan.annotations);
    for (const [file, text] of applied.texts) {
      result.changes.push({ path: file, content: withBom(project.workspace.source.read(file) ?? '', text) });
      const own = applied.kept.filter((a) => a.file === file);
      result.done.push(
        `${file}: wrote ${own.length} inferred type${own.length > 1 ? 's' : ''} (${own.map((a) => `line ${a.line} ${a.what}`).join('; ')})`,
      );
    }
    result.left.push(...plan.left, ...applied.left);
    enableIsolatedDeclarations(project, result);
    raiseFloor(project, result);
    return result;
  },
});

export default explicitTypesGenerator;
