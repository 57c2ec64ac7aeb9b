import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0]]));

export type SpecifierTarget = { kind: 'package'; name: string } | { kind: 'builtin'; name: string } | { kind: 'local' };

/**
 * What an import specifier points at: a package (its name, without subpath), a Node.js built-in, or
 * something local (relative and absolute paths, `#imports`, URLs, loader syntax, virtual modules).
 */
export function specifierTarget(specifier: string): SpecifierTarget {
  if (specifier.startsWith('node:')) return { kind: 'builtin', name: specifier.slice(5).split('/')[0] };
  if (/^[./#~]|^[a-z][a-z0-9+.-]*:|!|^\s|^$/i.test(specifier) || specifier.startsWith('@/')) return { kind: 'local' };
  const name = packageName(specifier.split('?')[0]);
  if (!name) return { kind: 'local' };
  if (BUILTINS.has(name) && !name.startsWith('@')) return { kind: 'builtin', name };
  return { kind: 'package', name };
}

/** `lodash/fp` → `lodash`, `@scope/pkg/sub` → `@scope/pkg`; undefined when it cannot be an npm package name. */
export function packageName(specifier: string): string | undefined {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return /^(@[a-z0-9~][a-z0-9._~-]*\/)?[a-z0-9~][a-z0-9._~-]*$/i.test(name) && (!name.startsWith('@') || parts.length >= 2)
    ? name
    : undefined;
}

/** The `@types` package that types `name`: `@types/lodash`, `@types/scope__pkg`. */
export function typesPackageOf(name: string): string {
  return name.startsWith('@') ? `@types/${name.slice(1).replace('/', '__')}` : `@types/${name}`;
}
