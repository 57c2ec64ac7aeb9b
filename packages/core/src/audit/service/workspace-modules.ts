import Module from 'node:module';
import { sep } from 'node:path';
import { fileStamp as stamp } from '../../util/file-stamp';

/** Each module file's stamp as it was when it was loaded (or first looked at, for one loaded before the hook). */
const stamps = new Map<string, string>();

type Loader = (module: NodeJS.Module, filename: string) => void;

/**
 * Records every module file's stamp just before it is read: a file changed after that, even during the batch
 * that loaded it, then counts as changed.
 */
export function stampModulesOnLoad(): void {
  const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
  for (const extension of ['.js', '.cjs', '.json']) {
    const load = extensions[extension];
    if (!load) continue;
    extensions[extension] = (module, filename) => {
      if (!stamps.has(filename)) stamps.set(filename, stamp(filename));
      load(module, filename);
    };
  }
}

/**
 * A module loaded from the workspace itself (outside node_modules: a check package developed in the workspace,
 * or Shipshape linked from its sources) whose file has changed since, if any. Installed packages are stamped in
 * the service's address instead.
 */
export function changedWorkspaceModule(workspaceRoot: string): string | undefined {
  const inside = workspaceRoot.endsWith(sep) ? workspaceRoot : workspaceRoot + sep;
  for (const file of Object.keys(require.cache)) {
    if (!file.startsWith(inside) || file.slice(inside.length).split(sep).includes('node_modules')) continue;
    if (!stamps.has(file)) stamps.set(file, stamp(file));
    else if (stamps.get(file) !== stamp(file)) return file;
  }
  return undefined;
}
