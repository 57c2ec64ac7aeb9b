import { join } from 'node:path';
import { generateFiles, OverwriteStrategy, type Tree } from '@nx/devkit';
import { inProject, projectRelative } from '@shipshape/core';

/** The top-level package folder a runtime file belongs to (`<root>/ledger`, `<root>/src/app_py`). */
export function packageFolderOf(root: string, file: string): { folder: string; module: string } | undefined {
  const relative = projectRelative(root, file);
  const parts = relative.split('/');
  const offset = parts[0] === 'src' ? 1 : 0;
  if (parts.length < offset + 2) return undefined;
  return { folder: inProject(root, parts.slice(0, offset + 1).join('/')), module: parts[offset] };
}

/** `<package>/_optional.py` with `import_optional`, `lazy` and `available`; an existing one is kept. */
export function scaffoldPythonLoader(tree: Tree, packageFolder: string, distribution: string): string {
  generateFiles(
    tree,
    join(__dirname, 'files/python'),
    packageFolder,
    { distribution, template: '' },
    { overwriteStrategy: OverwriteStrategy.KeepExisting },
  );
  return `${packageFolder}/_optional.py`;
}

const PLAIN_IMPORT = /^import\s+([A-Za-z_][\w.]*)(?:\s+as\s+([A-Za-z_]\w*))?\s*(#.*)?$/;

/**
 * Wraps a module-level `import x` / `import x.y as z` of an optional dependency so that, when it is not
 * installed, the name is a lazy stand-in whose first use raises the loader's clear ImportError. The import
 * itself stays (under try/except ImportError), so that the dependency checks still see it. Undefined when
 * the line is not a plain import at module level (`from x import y`, `import a, b`, `import a.b`).
 */
export function wrapPythonImport(
  text: string,
  line: number,
  loaderModule: string,
  target: { distribution: string; extra: string },
): string | undefined {
  // Only the import's line is replaced, in that line's ending: the rest of the file (a byte-order mark, other
  // line endings) stays byte for byte.
  const lines = text.split(/(?<=\n)/);
  const original = lines[line - 1];
  if (original === undefined) return undefined;
  const ending = /\r?\n$/.exec(original)?.[0] ?? '';
  const eol = ending || (text.includes('\r\n') ? '\r\n' : '\n');
  const bom = line === 1 && original.startsWith('\ufeff') ? '\ufeff' : '';
  const statement = original.slice(bom.length, original.length - ending.length);
  const match = PLAIN_IMPORT.exec(statement);
  if (!match) return undefined;
  const [, module, alias] = match;
  if (!alias && module.includes('.')) return undefined;
  const name = alias ?? module;
  const wrapped = [
    'try:',
    `    ${statement.replace(/\s*#.*$/, '')}`,
    `except ImportError:  # optional: installed with the "${target.extra}" extra`,
    `    from ${loaderModule} import lazy`,
    '',
    `    ${name} = lazy(${JSON.stringify(module)}, distribution=${JSON.stringify(target.distribution)}, extra=${JSON.stringify(target.extra)})`,
  ];
  lines[line - 1] = `${bom}${wrapped.join(eol)}${ending}`;
  return lines.join('');
}
