import {
  defineFixGenerator,
  editToml,
  errorMessage,
  isIncompleteAudit,
  pyproject,
  pythonInterpreter,
  type FixResult,
  type ShipshapeProject,
} from '@shipshape/core';
import { API_OPTIONS } from '../../options';
import { FLOORS_FILE, floorOf, raisedFloors } from '../../shared/floors';
import { ENFORCED_RETURNS, insertAt, returnCandidates, ruffAnnotations, shadows, type ReturnCandidate } from '../../python-types/annotate';
import { pythonLibrary, supportsPython2 } from '../../python-types/public-api';
import {
  buildBackend,
  INLINE_SHARE,
  namesPyTyped,
  setuptoolsBound,
  setuptoolsPackageData,
  typedPackages,
} from '../../python-types/py-typed';
import { verifiedPackage, verifyTypes } from '../../python-types/pyright';
import { COMPLETENESS_FLOOR } from '../../python-types/type-completeness';
import type { PythonTypesGeneratorSchema } from './schema';

const BOM = '\uFEFF';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** py.typed in each package that ships inline annotations, and setuptools package data where the build may drop it. */
async function markTyped(project: ShipshapeProject, result: Required<Pick<FixResult, 'changes' | 'done' | 'left'>>): Promise<Set<string>> {
  const marked = new Set<string>();
  const packages = await project.get(typedPackages);
  for (const pkg of packages) {
    if (pkg.hasPyTyped) marked.add(pkg.name);
    else if (pkg.typed) {
      result.changes.push({ path: `${pkg.folder}/py.typed`, content: '' });
      result.done.push(
        `${pkg.folder}/py.typed: created the PEP 561 marker (${pkg.annotated} of ${pkg.total} functions and methods are annotated)`,
      );
      marked.add(pkg.name);
    } else if (pkg.total > 0)
      result.left.push(
        `${pkg.folder}: no py.typed yet: only ${pkg.annotated} of its ${pkg.total} functions and methods are annotated; mark it typed (an empty py.typed) once at least ${INLINE_SHARE * 100} % are`,
      );
  }
  if (marked.size === 0) return marked;
  const manifest = project.get(pyproject);
  const hasSetupPy = project.workspace.source.isFile(project.file('setup.py'));
  if (buildBackend(manifest?.data, hasSetupPy) !== 'setuptools') return marked;
  const bound = setuptoolsBound(manifest?.data);
  if (bound.atLeast69 || bound.scm || namesPyTyped(project)) return marked;
  if (!manifest || manifest.data.project === undefined) {
    result.left.push(
      `${project.file('setup.py')}: name py.typed as package data (package_data={${[...marked].map((n) => `"${n}": ["py.typed"]`).join(', ')}}): setuptools before 69 leaves it out of the wheel`,
    );
    return marked;
  }
  const current = setuptoolsPackageData(manifest.data) ?? {};
  const value = { ...current };
  for (const name of [...marked].sort()) {
    const listed = Array.isArray(current[name]) ? (current[name] as unknown[]) : [];
    if (!listed.includes('py.typed')) value[name] = [...listed, 'py.typed'];
  }
  const text = editToml(manifest.text, [{ path: ['tool', 'setuptools', 'package-data'], value }], manifest.path);
  if (text !== manifest.text) {
    result.changes.push({ path: manifest.path, content: text });
    result.done.push(
      `${manifest.path}: added py.typed to [tool.setuptools.package-data] for ${[...marked].sort().join(', ')} (setuptools before 69 leaves it out of the wheel, and nothing here requires 69 or later)`,
    );
  }
  return marked;
}

interface Annotated {
  none: number;
  dunder: number;
  files: number;
}

/** `-> None` where certain, and the return types Python enforces for special methods: Ruff's fixes, each checked. */
async function annotate(
  project: ShipshapeProject,
  result: Required<Pick<FixResult, 'changes' | 'done' | 'left'>>,
): Promise<Map<string, string>> {
  const library = await project.get(pythonLibrary);
  const source = project.workspace.source;
  const texts = new Map<string, { text: string; bom: boolean }>();
  const skipped: string[] = [];
  for (const file of library.runtime) {
    if (library.stubbed.has(file)) continue;
    const raw = source.read(file);
    if (raw === undefined) continue;
    // A lone CR ends a line for Python's tokenizer and Ruff but not for the line-by-line positions used here.
    if (/\r(?!\n)/.test(raw)) {
      skipped.push(file);
      continue;
    }
    const bom = raw.startsWith(BOM);
    texts.set(file, { text: bom ? raw.slice(1) : raw, bom });
  }
  const python = await project.workspace.get(pythonInterpreter);
  const { files: candidates, errors } = await returnCandidates(
    python,
    Object.fromEntries([...texts].map(([file, { text }]) => [file, text])),
  );
  const edited = new Map<string, string>();
  const counts: Annotated = { none: 0, dunder: 0, files: 0 };
  const reasons = new Map<string, number>();
  let uncertain = 0;
  for (const [file, problem] of Object.entries(errors)) {
    texts.delete(file);
    result.left.push(`${file}: not annotated: it does not parse (${problem})`);
  }
  for (const [file, { text, bom }] of texts) {
    const byPosition = new Map<string, ReturnCandidate>((candidates[file] ?? []).map((c) => [`${c.insertLine}:${c.insertColumn}`, c]));
    const insertions: Array<{ line: number; column: number; text: string }> = [];
    let none = 0;
    let dunder = 0;
    for (const fix of ruffAnnotations(text)) {
      const candidate = byPosition.get(`${fix.line}:${fix.column}`);
      if (fix.type === 'None') {
        if (candidate?.none) {
          insertions.push({ line: fix.line, column: fix.column, text: ' -> None' });
          none += 1;
        } else if (candidate?.reason) reasons.set(candidate.reason, (reasons.get(candidate.reason) ?? 0) + 1);
        continue;
      }
      if (fix.code === 'ANN204' && ENFORCED_RETURNS[fix.name] === fix.type && !shadows(text, fix.type)) {
        insertions.push({ line: fix.line, column: fix.column, text: ` -> ${fix.type}` });
        dunder += 1;
      } else uncertain += 1;
    }
    if (insertions.length === 0) continue;
    const { text: next, refused } = insertAt(text, insertions);
    if (refused > 0) {
      result.left.push(`${file}: ${plural(refused, 'annotation')} not written: the position Ruff gave is not right after the parameters`);
      continue;
    }
    counts.none += none;
    counts.dunder += dunder;
    counts.files += 1;
    const content = bom ? BOM + next : next;
    edited.set(file, content);
    result.changes.push({ path: file, content });
  }
  if (counts.none + counts.dunder > 0)
    result.done.push(
      `annotated ${plural(counts.none + counts.dunder, 'return')} in ${plural(counts.files, 'file')}: ${counts.none} -> None (functions that never return a value), ${counts.dunder} special methods with the type Python enforces (__str__ -> str, __len__ -> int, ...)`,
    );
  const notNone = [...reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} ${reason}`);
  if (notNone.length > 0)
    result.left.push(
      `${plural(
        [...reasons.values()].reduce((a, b) => a + b, 0),
        'function',
      )} returning nothing left without -> None, not certain: ${notNone.join('; ')}`,
    );
  if (uncertain > 0)
    result.left.push(
      `${plural(uncertain, 'return type')} Ruff infers (from literals it sees returned) left for you to confirm: run ruff check --select ANN --unsafe-fixes --diff on the package`,
    );
  for (const file of skipped) result.left.push(`${file}: not annotated: it ends lines with a lone CR`);
  return edited;
}

/** Raises the type-completeness floor to what pyright measures on the code as this generator leaves it. */
async function raiseFloor(
  project: ShipshapeProject,
  edited: Map<string, string>,
  marked: ReadonlySet<string>,
  changes: FixResult['changes'] & object,
  done: string[],
  left: string[],
): Promise<void> {
  const packages = (await project.get(typedPackages)).map((p) => ({ ...p, hasPyTyped: p.hasPyTyped || marked.has(p.name) }));
  const pkg = verifiedPackage(project, packages);
  if (!pkg) return;
  const overlay = new Map(edited);
  for (const change of changes) overlay.set(change.path, change.content);
  let measured;
  try {
    measured = await verifyTypes(project, pkg, await project.workspace.get(pythonInterpreter), overlay);
  } catch (error) {
    if (!isIncompleteAudit(error)) throw error;
    left.push(`the type-completeness floor was not raised: ${errorMessage(error)}`);
    return;
  }
  const path = project.file(FLOORS_FILE);
  const current = changes.find((c) => c.path === path)?.content ?? project.workspace.source.read(path);
  const next = raisedFloors(current, path, COMPLETENESS_FLOOR, measured.percent);
  if (next === undefined) return;
  changes.push({ path, content: next });
  done.push(`${path}: set the ${COMPLETENESS_FLOOR} floor to ${floorOf(measured.percent)} % (pyright --verifytypes ${pkg.name})`);
}

/**
 * `nx g @shipshape/api:python-types --project=x`: what is certain about a Python library's types. py.typed (and its
 * package data for setuptools), `-> None` where a function never returns a value, the return types Python enforces
 * for special methods, both from Ruff's annotation fixes (its WebAssembly build) checked one by one; then the
 * type-completeness floor raised to what pyright measures. Every other annotation is the author's: listed, not guessed.
 */
export const pythonTypesGenerator = defineFixGenerator<PythonTypesGeneratorSchema>({
  name: '@shipshape/api:python-types',
  sections: [API_OPTIONS],
  fix: async ({ project }) => {
    const result = { changes: [] as Array<{ path: string; content: string }>, done: [] as string[], left: [] as string[] };
    const library = await project.get(pythonLibrary);
    if (library.runtime.length === 0) {
      result.left.push(`${project.root}: no Python package found to annotate`);
      return result;
    }
    const marked = await markTyped(project, result);
    if (supportsPython2(project)) {
      result.left.push(
        `${project.root}: no annotation written: the project still supports Python 2, where inline annotations do not parse`,
      );
      return result;
    }
    const edited = await annotate(project, result);
    await raiseFloor(project, edited, marked, result.changes, result.done, result.left);
    return result;
  },
});

export default pythonTypesGenerator;
