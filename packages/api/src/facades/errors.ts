import { Node, SyntaxKind, type ClassDeclaration } from 'ts-morph';
import { defineCheck, projectLanguages, workspacePathOf, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { MIRRORS, pythonCallables } from './callables';
import { publicPythonApi, type PublicPythonApi, type PythonClass } from './public-python';
import { positionOf, publicTypescriptApi } from './public-typescript';

// ---- the library's error classes ----

export interface ErrorClass {
  name: string;
  /** The built-in it extends when it is a root (`Error`, `TypeError`, `Exception`); undefined when a library class is its base. */
  builtin?: string;
  /** The library base's name, when it has one. */
  base?: string;
  exported: boolean;
  /** A stand-in defined only when an import fails or on some versions (Python): it mirrors something else. */
  conditional?: boolean;
  file: string;
  line: number;
  column: number;
}

const TS_BUILTIN_ERRORS = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
  'DOMException',
]);

/** Every class of the program extending an Error, through the program's own classes. */
export function typescriptErrorClasses(project: ShipshapeProject): ErrorClass[] {
  const api = project.get(publicTypescriptApi);
  const exported = new Set(api.declarations.map((d) => d.node));
  const classes = api.program.getSourceFiles().flatMap((s) => s.getClasses());
  const byName = new Map<string, ClassDeclaration>();
  for (const c of classes) if (c.getName()) byName.set(c.getName()!, c);
  const rootOf = (c: ClassDeclaration, depth = 0): string | undefined => {
    const base = c.getExtends()?.getExpression().getText();
    if (!base || depth > 16) return undefined;
    const parent = byName.get(base);
    if (parent && parent !== c) return rootOf(parent, depth + 1);
    return TS_BUILTIN_ERRORS.has(base) ? base : undefined;
  };
  return classes.flatMap((c) => {
    if (!c.getName() || !rootOf(c)) return [];
    const base = c.getExtends()!.getExpression().getText();
    return [
      {
        name: c.getName()!,
        builtin: byName.has(base) ? undefined : base,
        base: byName.has(base) ? base : undefined,
        exported: exported.has(c),
        ...positionOf(c.getNameNode() ?? c),
      },
    ];
  });
}

const PY_BUILTIN_ERRORS = new Set([
  'Exception',
  'BaseException',
  'ValueError',
  'TypeError',
  'RuntimeError',
  'KeyError',
  'IndexError',
  'LookupError',
  'AttributeError',
  'OSError',
  'IOError',
  'EnvironmentError',
  'NotImplementedError',
  'ArithmeticError',
  'UnicodeError',
  'UnicodeDecodeError',
  'UnicodeEncodeError',
  'ConnectionError',
  'TimeoutError',
  'PermissionError',
  'FileNotFoundError',
  'Warning',
  'UserWarning',
  'DeprecationWarning',
  'RuntimeWarning',
  'ImportError',
  'AssertionError',
]);

/** Every class of the library's modules deriving from a built-in exception, through its own classes. */
export function pythonErrorClasses(api: PublicPythonApi): ErrorClass[] {
  const exported = new Set(api.names.flatMap((n) => (n.definition.kind === 'class' ? [n.definition.value] : [])));
  const all: Array<{ cls: PythonClass; file: string }> = Object.entries(api.signatures).flatMap(([file, s]) =>
    s.classes.map((cls) => ({ cls, file })),
  );
  const byName = new Map(all.map((c) => [c.cls.name, c.cls]));
  const isError = (cls: PythonClass, depth = 0): boolean =>
    depth < 16 &&
    cls.bases.some((b) => {
      const short = b.split('.').pop()!;
      const parent = byName.get(short);
      if (parent !== undefined && parent !== cls) return isError(parent, depth + 1);
      return PY_BUILTIN_ERRORS.has(short) && (b === short || b.startsWith('builtins.'));
    });
  return all.flatMap(({ cls, file }) => {
    if (!isError(cls) || cls.name.endsWith('Warning')) return [];
    // a library class named like a built-in (requests' ConnectionError) is the library's own: never taken for the built-in
    const own = cls.bases.map((b) => b.split('.').pop()!).find((b) => byName.has(b));
    const builtin = cls.bases.find((b) => PY_BUILTIN_ERRORS.has(b));
    return [
      {
        name: cls.name,
        builtin: own ? undefined : builtin,
        base: own,
        exported: exported.has(cls),
        conditional: cls.conditional,
        file,
        line: cls.line,
        column: cls.column,
      },
    ];
  });
}

const rootFinder = (errors: readonly ErrorClass[]) => {
  const byName = new Map(errors.map((e) => [e.name, e]));
  const rootOf = (e: ErrorClass, depth = 0): ErrorClass =>
    e.base && byName.has(e.base) && depth < 16 ? rootOf(byName.get(e.base)!, depth + 1) : e;
  return rootOf;
};

/**
 * The library's base error: the exported root that most of its exported errors derive from (more than half of
 * them, and at least two besides itself). A family's base (attrs' FrozenError) is no library base.
 */
export function baseErrorOf(errors: readonly ErrorClass[]): ErrorClass | undefined {
  const rootOf = rootFinder(errors);
  const exported = errors.filter((x) => x.exported);
  const counts = new Map<ErrorClass, number>();
  for (const e of exported) counts.set(rootOf(e), (counts.get(rootOf(e)) ?? 0) + 1);
  const [best] = [...counts].filter(([root]) => root.exported).sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 3 && best[1] * 2 > exported.length ? best[0] : undefined;
}

// ---- the check ----

/** A string literal, a template, or a concatenation with one (`'failed: ' + reason`). */
function isStringExpression(node: Node): boolean {
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) || Node.isTemplateExpression(node)) return true;
  if (Node.isParenthesizedExpression(node)) return isStringExpression(node.getExpression());
  return (
    Node.isBinaryExpression(node) &&
    node.getOperatorToken().getKind() === SyntaxKind.PlusToken &&
    (isStringExpression(node.getLeft()) || isStringExpression(node.getRight()))
  );
}

function typescriptFindings(project: ShipshapeProject): FindingInput[] {
  const api = project.get(publicTypescriptApi);
  const findings: FindingInput[] = [];
  // throwing a string, anywhere in the library: no stack, no `instanceof`, no error at all for `catch (e: Error)`
  for (const source of api.program.getSourceFiles()) {
    for (const statement of source.getDescendantsOfKind(SyntaxKind.ThrowStatement)) {
      const thrown = statement.getExpression();
      if (!thrown || !isStringExpression(thrown)) continue;
      const at = positionOf(statement);
      findings.push({
        message: `throws a string: a caller gets no stack trace and cannot tell it from other failures; throw ${'an Error subclass of the library'}`,
        ...at,
        key: `ts:string:${workspacePathOf(source)}:${thrown.getText().slice(0, 60)}`,
      });
    }
  }
  const errors = typescriptErrorClasses(project);
  const base = baseErrorOf(errors);
  findings.push(...rootFindings(errors, base));
  return findings;
}

/** Vendored code mirrors another project's API (a spec's error class): not the library's design to judge. */
const VENDORED = MIRRORS;
/** What callers handle is named so; `VisitorExit`, `Impossible`, `Abort` are control flow, not failures. */
const ERROR_NAME = /(?:Error|Exception)$/;

/**
 * Exported error classes (named `...Error` / `...Exception`) that derive from a built-in directly, outside the
 * library's error hierarchy. With a base most errors derive from: each one that does not. Without one, when the
 * errors have three roots or more: one finding at the first, naming them.
 */
function rootFindings(errors: readonly ErrorClass[], base: ErrorClass | undefined): FindingInput[] {
  const rootOf = rootFinder(errors);
  const outside = errors.filter(
    (e) => e.exported && e !== base && e.builtin !== undefined && !e.conditional && ERROR_NAME.test(e.name) && !VENDORED.test(e.file),
  );
  if (base) {
    const derived = errors.filter((e) => e !== base && rootOf(e) === base).length;
    return outside.map((e) => ({
      message: `${e.name} derives from ${e.builtin} directly, while ${derived} of the library's errors derive from ${base.name}: a caller catching ${base.name} misses it; derive it from ${base.name} (keeping ${e.builtin} as a second base if callers catch that)`,
      file: e.file,
      line: e.line,
      column: e.column,
      key: `root:${e.name}`,
    }));
  }
  const roots = [...new Set(errors.filter((e) => e.exported && ERROR_NAME.test(e.name)).map(rootOf))].filter(
    (r) => r.exported && !r.conditional && ERROR_NAME.test(r.name) && !VENDORED.test(r.file),
  );
  if (roots.length < 3) return [];
  const [first] = [...roots].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return [
    {
      message: `the library's errors have ${roots.length} roots and no common base (${roots.map((r) => `${r.name}(${r.builtin ?? r.base})`).join(', ')}): a caller cannot catch every failure of the library at once; give them one base error (nx g @shipshape/api:facade --baseError=<Name>), keeping the built-ins as second bases`,
      file: first.file,
      line: first.line,
      column: first.column,
      key: 'roots',
    },
  ];
}

const GENERIC_PY = new Set(['Exception', 'BaseException']);

async function pythonFindings(project: ShipshapeProject): Promise<FindingInput[]> {
  const api = await project.get(publicPythonApi);
  const findings: FindingInput[] = [];
  for (const [file, signatures] of Object.entries(api.signatures)) {
    const functions = [...signatures.functions, ...signatures.classes.flatMap((c) => c.methods)];
    for (const fn of functions)
      for (const raised of fn.raises.filter((r) => r.string))
        findings.push({
          message: `raises a string: Python 3 turns that into "TypeError: exceptions must derive from BaseException"; raise an exception class of the library`,
          file,
          line: raised.line,
          column: raised.column,
          key: `py:string:${fn.class ?? ''}.${fn.name}`,
          severity: 'error',
        });
  }
  const errors = pythonErrorClasses(api);
  const base = baseErrorOf(errors);
  if (base) {
    for (const callable of pythonCallables(api))
      for (const raised of callable.fn.raises.filter((r) => r.name && GENERIC_PY.has(r.name)))
        findings.push({
          message: `${callable.label} raises a plain ${raised.name}, though the library has its own ${base.name}: callers catching ${base.name} miss it; raise ${base.name} or a subclass`,
          file: callable.file,
          line: raised.line,
          column: raised.column,
          key: `py:generic:${callable.label}:${raised.name}`,
        });
  }
  findings.push(...rootFindings(errors, base));
  return findings;
}

export default defineCheck({
  id: 'api/error-hierarchy',
  title: "The public API raises the library's own errors",
  planItem: 'api/facades',
  languages: ['typescript', 'python'],
  severity: 'warning',
  fixedBy: '@shipshape/api:facade',
  description:
    "One error hierarchy: a caller catches the library's base error and gets every failure. Reported: a thrown string (TypeScript: no stack, no instanceof) or a raised one (Python 3 refuses it: an error); a public Python function or method that raises a plain `Exception` when the library has its own base error; an exported error class that derives from a built-in directly while at least two of the library's errors share a base (vendored code left out). Built-in errors that carry meaning (TypeError, ValueError for a bad argument) are idiomatic and left alone, and so is TypeScript's `throw new Error(...)` for misuse and broken invariants (on real code, a library's own error class is for the failures callers handle, not for programming errors). The facade generator's `--baseError` scaffolds a base error class.",
  run: async (project) => {
    const languages = project.get(projectLanguages);
    return [
      ...(languages.includes('typescript') ? typescriptFindings(project) : []),
      ...(languages.includes('python') ? await pythonFindings(project) : []),
    ];
  },
});
