/** Does an `exports` map expose `subpath` (`./utils`), directly or through a `./*` pattern? */
export function exportsExpose(exportsField: unknown, subpath: string): boolean {
  if (exportsField === undefined) return false;
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return subpath === '.';
  if (typeof exportsField !== 'object' || exportsField === null) return false;
  const keys = Object.keys(exportsField);
  if (!keys.some((k) => k.startsWith('.'))) return subpath === '.';
  const candidates = [subpath, subpath.replace(/\.[cm]?[jt]sx?$/, '')];
  return keys.some((key) => {
    if ((exportsField as Record<string, unknown>)[key] === null) return false;
    const star = key.indexOf('*');
    if (star < 0) return candidates.includes(key);
    return candidates.some((c) => c.startsWith(key.slice(0, star)) && c.endsWith(key.slice(star + 1)) && c.length >= key.length - 1);
  });
}
