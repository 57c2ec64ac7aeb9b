import { posix } from 'node:path';
import { projectRelative, type PythonAnalysis, type PythonImport } from '@shipshape/core';

/** How one of the project's Python modules imports another: guarded (its absence handled) or not. */
interface ModuleEdge {
  from: string;
  to: string;
  guarded: boolean;
  /** Inside a function: it runs when called, not when the importer loads. */
  lazy: boolean;
}

/**
 * The imports between the project's own Python modules, resolved to files: what tells a module that only a
 * guarded import reaches (httpx's `_main.py`, imported by `__init__.py` in try/except ImportError) from one
 * that every `import package` loads.
 */
export class PythonModuleGraph {
  private readonly fileOf = new Map<string, string>();
  private readonly moduleOf = new Map<string, string>();
  private readonly edges: ModuleEdge[] = [];

  constructor(root: string, analysis: PythonAnalysis, sourceRoots: readonly string[]) {
    for (const file of Object.keys(analysis.files)) {
      const module = moduleName(projectRelative(root, file), sourceRoots);
      if (module !== undefined && !this.fileOf.has(module)) {
        this.fileOf.set(module, file);
        this.moduleOf.set(file, module);
      }
    }
    for (const [file, result] of Object.entries(analysis.files)) {
      const from = this.moduleOf.get(file);
      if (from === undefined) continue;
      for (const imported of result.imports) {
        for (const target of this.targets(from, file, imported)) {
          const to = this.fileOf.get(target);
          if (to && to !== file) this.edges.push({ from: file, to, guarded: imported.guard !== null, lazy: imported.inFunction });
        }
      }
    }
  }

  /** The files every import of which is guarded, directly or through importers that are themselves reached only that way. */
  guardedOnly(): Set<string> {
    const importers = new Map<string, ModuleEdge[]>();
    for (const edge of this.edges) importers.set(edge.to, [...(importers.get(edge.to) ?? []), edge]);
    const guarded = new Set<string>();
    for (let changed = true; changed;) {
      changed = false;
      for (const [file, edges] of importers) {
        if (!guarded.has(file) && edges.every((e) => e.guarded || guarded.has(e.from))) {
          guarded.add(file);
          changed = true;
        }
      }
    }
    return guarded;
  }

  /** The files that loading `entries` loads: module-level, unguarded imports followed from them. */
  loadedBy(entries: readonly string[]): Set<string> {
    const reached = new Set(entries.filter((e) => this.moduleOf.has(e)));
    const queue = [...reached];
    for (let i = 0; i < queue.length; i++) {
      for (const edge of this.edges) {
        if (edge.from !== queue[i] || edge.guarded || edge.lazy || reached.has(edge.to)) continue;
        reached.add(edge.to);
        queue.push(edge.to);
      }
    }
    return reached;
  }

  /** `pkg/sub/__init__.py` and the `__init__.py` of every package above it: what `import pkg.sub.mod` loads first. */
  private targets(from: string, file: string, imported: PythonImport): string[] {
    let base: string;
    if (imported.level > 0) {
      const parts = from.split('.');
      const isPackage = posix.basename(file) === '__init__.py';
      const packageParts = isPackage ? parts : parts.slice(0, -1);
      const up = packageParts.slice(0, packageParts.length - (imported.level - 1));
      base = [...up, ...(imported.module ? [imported.module] : [])].join('.');
    } else base = imported.module;
    if (!base) return [];
    const parents = base.split('.').map((_, i, all) => all.slice(0, i + 1).join('.'));
    const named = imported.kind === 'from' ? imported.names.filter((n) => n !== '*').map((n) => `${base}.${n}`) : [];
    return [...parents, ...named];
  }
}

/** `src/requests/help.py` → `requests.help`, `httpx/__init__.py` → `httpx`; undefined for a file outside the source roots. */
function moduleName(relative: string, sourceRoots: readonly string[]): string | undefined {
  const root = sourceRoots.find((r) => r === '' || relative.startsWith(`${r}/`));
  if (root === undefined) return undefined;
  const inside = root === '' ? relative : relative.slice(root.length + 1);
  const parts = inside.replace(/\.py$/, '').split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.length > 0 && parts.every((p) => /^[A-Za-z_]\w*$/.test(p)) ? parts.join('.') : undefined;
}
