import { packageName, specifierTarget } from './specifiers';
import { readConfigValue, stringLeaves, type StaticValue } from './static-value';
import { posix } from 'node:path';
import type { FileSource } from '../file-system/file-source';
import type { PackageReference, ToolConfigFile } from './tool';

type At = { file: string; line: number; column: number };

/** A `dev` reference to a package, named by a tool's configuration. */
export function packageRef(name: string, at: At, via: string, role: PackageReference['role'] = 'dev'): PackageReference {
  return { name, file: at.file, line: at.line, column: at.column, role, via };
}

/** The package a module specifier in a config names (`ts-jest`, `@swc/jest`, `jest-preset-angular/setup`); undefined for paths. */
export function packageOfSpecifier(specifier: string): string | undefined {
  const target = specifierTarget(specifier);
  return target.kind === 'package' ? target.name : undefined;
}

/**
 * The package a short name stands for in tools that add a prefix (ESLint plugins and configs, Babel presets
 * and plugins): `foo` is `<prefix>-foo`, `@scope` is `@scope/<prefix>`, `@scope/foo` is `@scope/<prefix>-foo`;
 * a name that already has the prefix is itself.
 */
export function prefixedPackage(name: string, prefix: string): string | undefined {
  if (/^[./]/.test(name)) return undefined;
  if (name.startsWith('@')) {
    const [scope, rest] = name.split('/');
    if (!rest) return `${scope}/${prefix}`;
    return packageName(rest.startsWith(prefix) ? `${scope}/${rest}` : `${scope}/${prefix}-${rest}`);
  }
  const base = name.split('/')[0];
  return packageName(base.startsWith(`${prefix}-`) || base === prefix ? base : `${prefix}-${base}`);
}

/** Each config file read as a static value, with the file it came from. */
export function configValues(configs: readonly ToolConfigFile[]): Array<{ file: string; value: StaticValue }> {
  return configs.flatMap(({ file, text }) => {
    const value = readConfigValue(file, text);
    return value ? [{ file, value }] : [];
  });
}

/**
 * Every string literal of a config file (JS/TS/JSON/YAML) that could name a package, with its place. A config
 * names packages by strings (`preset: 'ts-jest'`, `transform: { ...: ['@swc/jest', {...}] }`) even where it is
 * too dynamic to read as a value; the dependency checks count such a string only for a package that is declared.
 */
export function configStrings(text: string): Array<{ value: string; line: number; column: number }> {
  const found: Array<{ value: string; line: number; column: number }> = [];
  text.split('\n').forEach((lineText, index) => {
    for (const match of lineText.matchAll(/(["'`])((?:@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*(?:\/[\w.~/-]*)?)\1/gi)) {
      found.push({ value: match[2], line: index + 1, column: (match.index ?? 0) + 1 });
    }
    for (const match of lineText.matchAll(/^\s*-?\s*(?:[\w-]+:\s*)?((?:@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*)\s*$/gi)) {
      found.push({ value: match[1], line: index + 1, column: (match.index ?? 0) + 1 });
    }
  });
  return found;
}

/** The packages a config file's strings could name (each string as a package, and as `expand` maps it). */
export function stringReferences(
  configs: readonly ToolConfigFile[],
  via: string,
  expand: (value: string) => string[] = () => [],
): PackageReference[] {
  return configs.flatMap(({ file, text }) =>
    configStrings(text).flatMap((s) =>
      [s.value, ...expand(s.value)].flatMap((candidate) => {
        const name = packageOfSpecifier(candidate);
        return name ? [packageRef(name, { file, line: s.line, column: s.column }, `${via} "${s.value}"`)] : [];
      }),
    ),
  );
}

/** References from the strings of static values at the given places (e.g. jest's `transform` values), expanded by `expand`. */
export function valueReferences(
  values: StaticValue[],
  file: string,
  via: string,
  expand: (value: string) => Array<string | undefined> = (v) => [packageOfSpecifier(v)],
): PackageReference[] {
  return values.flatMap(stringLeaves).flatMap((s) =>
    expand(s.value)
      .filter((name): name is string => name !== undefined)
      .map((name) => packageRef(name, { file, line: s.line, column: s.column }, `${via} "${s.value}"`)),
  );
}

const CONFIG_EXTENSIONS = ['', '.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/**
 * The config files that `configs` import or re-export by relative path and that `isConfig` accepts (a
 * package's `vitest.config.ts` that is `export { default } from '../../vitest.config'`), followed a few levels:
 * what they configure applies to the importing config too. Workspace-relative, read through `source`.
 */
export function importedConfigs(
  source: Pick<FileSource, 'read'>,
  configs: readonly ToolConfigFile[],
  isConfig: (file: string) => boolean,
): ToolConfigFile[] {
  const found: ToolConfigFile[] = [];
  const seen = new Set(configs.map((c) => c.file));
  let frontier = [...configs];
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const next: ToolConfigFile[] = [];
    for (const config of frontier) {
      for (const match of config.text.matchAll(/(?:\bfrom|\bimport\s*\(?)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const base = posix.normalize(posix.join(posix.dirname(config.file), match[1]));
        for (const extension of CONFIG_EXTENSIONS) {
          const file = base + extension;
          if (seen.has(file) || !isConfig(posix.basename(file)) || base.startsWith('..')) continue;
          const text = source.read(file);
          if (text === undefined) continue;
          seen.add(file);
          next.push({ file, text });
          break;
        }
      }
    }
    found.push(...next);
    frontier = next;
  }
  return found;
}
