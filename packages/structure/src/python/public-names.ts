import type { PythonFileResult } from '@shipshape/core';

/**
 * What `from .module import ...` should name: the module's literal `__all__` when it has one, else the
 * public names it defines itself (functions, classes, variables; never what it imported). Undefined when
 * `__all__` is computed and cannot be read without running the module.
 */
export function publicNames(result: PythonFileResult): string[] | undefined {
  if (result.all) return result.all.dynamic || !result.all.names ? undefined : result.all.names;
  const imported = new Set(importBoundNames(result));
  return [...new Set(result.definitions.filter((d) => d.public && !imported.has(d.name)).map((d) => d.name))];
}

/**
 * Public names a module's top-level relative imports bind (`from .models import Order`): `from module import *`
 * re-exports them when it has no `__all__`, and the package may mean them as API. (What absolute imports bind,
 * `re` or `dataclass`, leaks by accident: that is what an explicit import list is for.)
 */
export function importedPublicNames(result: PythonFileResult): string[] {
  const relative = result.imports.filter((r) => r.kind === 'from' && r.level > 0 && !r.inFunction && r.guard !== 'type-checking');
  return [...new Set(importBoundNames({ ...result, imports: relative }).filter((n) => !n.startsWith('_') && n !== '*'))];
}

/** Names bound by the module's own imports (`pandas` of `try: import pandas` / `except ImportError: pandas = None` included). */
function importBoundNames(result: PythonFileResult): string[] {
  return result.imports.flatMap((record) =>
    record.kind === 'import' ? [record.alias ?? record.module.split('.')[0]] : record.names.map((name, i) => record.aliases[i] ?? name),
  );
}

/**
 * Names an `__init__.py` re-exports, in source order: bound by its relative from-imports (a star import
 * contributes what `starNames` says the module exports), then the public names it defines itself.
 */
export function reexportedNames(result: PythonFileResult, starNames: (module: string, level: number) => string[] = () => []): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (!name.startsWith('_') && !names.includes(name)) names.push(name);
  };
  for (const record of [...result.imports].sort((a, b) => a.line - b.line)) {
    if (record.kind !== 'from' || record.level === 0 || record.guard === 'type-checking' || record.inFunction) continue;
    record.names.forEach((name, i) =>
      name === '*' ? starNames(record.module, record.level).forEach(add) : add(record.aliases[i] ?? name),
    );
  }
  for (const definition of result.definitions) if (definition.public) add(definition.name);
  return names;
}
