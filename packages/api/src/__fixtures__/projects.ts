// Helpers the areas' fixtures share to turn a spec's library into a project of the package's conformance fixture
// (src/conformance.spec.ts), where every project needs its own root, package name and Python package.

/** The files under a project root, by path relative to it. */
export function under(root: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith(`${root}/`))
      .map(([path, content]) => [path.slice(root.length + 1), content]),
  );
}

/** The files with the folder `from` (a path prefix ending in /) renamed to `to`; throws when no file is under it. */
export function moved(files: Record<string, string>, from: string, to: string): Record<string, string> {
  if (!Object.keys(files).some((path) => path.startsWith(from))) throw new Error(`fixture: no file under ${from}`);
  return Object.fromEntries(Object.entries(files).map(([path, content]) => [path.startsWith(from) ? to + path.slice(from.length) : path, content]));
}

/** The files with each [file, from, to] replacement made; throws when a `from` is not in its file (a fixture that drifted). */
export function edited(files: Record<string, string>, edits: Array<[file: string, from: string | RegExp, to: string]>): Record<string, string> {
  const result = { ...files };
  for (const [file, from, to] of edits) {
    const text = result[file] ?? '';
    const next = text.replace(from, to);
    if (next === text && to !== '') throw new Error(`fixture: ${String(from)} is not in ${file}`);
    result[file] = next;
  }
  return result;
}
