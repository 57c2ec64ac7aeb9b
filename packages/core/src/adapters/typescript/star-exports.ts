import type { ExportDeclaration, Project, SourceFile } from 'ts-morph';
import { moduleExports, type ExportedName } from './module-exports';

/** One `export * from` of a module, and the names that write it out. */
export interface StarExpansion {
  star: ExportDeclaration;
  /**
   * What the star exports, type-only where the name or the star is (`export type *`), less `default` (a star never
   * re-exports it), the names the module exports explicitly (they win over a star's) and the ambiguous ones.
   * Undefined when the star names no source of the program (a package, a path that does not resolve).
   */
  names: ExportedName[] | undefined;
  /** Names another `export *` of the module exports too, which no explicit export settles: TypeScript exports neither. */
  ambiguous: string[];
}

/** Every `export * from` of a module (not `export * as ns`), with the names that would write it out, in the module's order. */
export function starExpansions(program: Project, source: SourceFile): StarExpansion[] {
  const stars = source.getExportDeclarations().filter(isStarExport);
  if (stars.length === 0) return [];
  const exported = stars.map((star) => starExports(program, star));
  const count = new Map<string, number>();
  for (const names of exported) for (const { name } of names ?? []) count.set(name, (count.get(name) ?? 0) + 1);
  const explicit = new Set(explicitExportNames(source));
  return stars.map((star, i) => {
    const names = exported[i];
    if (!names) return { star, names: undefined, ambiguous: [] };
    const ambiguous = names.filter((n) => (count.get(n.name) ?? 0) > 1 && !explicit.has(n.name)).map((n) => n.name);
    const kept = names.filter((n) => n.name !== 'default' && !explicit.has(n.name) && (count.get(n.name) ?? 0) === 1);
    return { star, names: kept.map((n) => ({ ...n, typeOnly: n.typeOnly || star.isTypeOnly() })), ambiguous };
  });
}

function isStarExport(declaration: ExportDeclaration): boolean {
  return !declaration.hasNamedExports() && !declaration.getNamespaceExport() && declaration.hasModuleSpecifier();
}

function starExports(program: Project, star: ExportDeclaration): ExportedName[] | undefined {
  const target = star.getModuleSpecifierSourceFile();
  return target && !target.isInNodeModules() ? moduleExports(program, target) : undefined;
}

/** The names a module exports by name: `export { a }`, `export * as ns`, and its own exported declarations. */
function explicitExportNames(source: SourceFile): string[] {
  const names: string[] = [];
  for (const declaration of source.getExportDeclarations()) {
    for (const specifier of declaration.getNamedExports()) names.push(specifier.getAliasNode()?.getText() ?? specifier.getName());
    const namespace = declaration.getNamespaceExport();
    if (namespace) names.push(namespace.getName());
  }
  for (const [name, declarations] of source.getExportedDeclarations())
    if (declarations.some((d) => d.getSourceFile() === source)) names.push(name);
  return names;
}
