import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { ts } from 'ts-morph';
import type { WorkspaceGraph, WorkspaceProjectNode } from '@shipshape/core';

/** A bare specifier resolved to a workspace project: `@acme/money/src/internal/x` is money, subpath `./src/internal/x`. */
export interface WorkspaceImportTarget {
  project: WorkspaceProjectNode;
  /** `.` for the package itself, else `./<rest>` as an exports map key would say it. */
  subpath: string;
  /** The tsconfig path alias it went through, if any (`@acme/money/*`). */
  alias?: string;
  /** Workspace-relative file the alias points at, when it went through one. */
  file?: string;
}

export interface PathAlias {
  alias: string;
  /** Workspace-relative targets, `*` kept. */
  targets: string[];
  line: number;
}

/** `compilerOptions.paths` of the workspace's tsconfig.base.json (or tsconfig.json), targets made workspace-relative. */
export function workspacePathAliases(workspaceRoot: string): { file: string; aliases: PathAlias[] } | undefined {
  for (const file of ['tsconfig.base.json', 'tsconfig.json']) {
    const abs = join(workspaceRoot, file);
    if (!existsSync(abs)) continue;
    const text = readFileSync(abs, 'utf8');
    const { config } = ts.parseConfigFileTextToJson(file, text);
    const options = (config?.compilerOptions ?? {}) as { paths?: Record<string, unknown>; baseUrl?: string };
    if (!options.paths) continue;
    const base = options.baseUrl ?? '.';
    const lines = text.split('\n');
    const aliases = Object.entries(options.paths).map(([alias, targets]) => ({
      alias,
      targets: (Array.isArray(targets) ? targets : []).filter((t): t is string => typeof t === 'string').map((t) => posix.normalize(posix.join(base, t))),
      line: Math.max(1, lines.findIndex((l) => l.includes(JSON.stringify(alias))) + 1),
    }));
    return { file, aliases };
  }
  return undefined;
}

function packageName(workspaceRoot: string, root: string): string | undefined {
  try {
    const name = (JSON.parse(readFileSync(join(workspaceRoot, root, 'package.json'), 'utf8')) as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

const within = (path: string, root: string) => root === '.' || path === root || path.startsWith(`${root}/`);

/** Resolves bare specifiers to the workspace projects they name: through a tsconfig path alias, or by package name. */
export class WorkspacePackages {
  private readonly names: Array<{ name: string; project: WorkspaceProjectNode }>;
  private readonly aliases: PathAlias[];

  constructor(
    workspaceRoot: string,
    readonly graph: WorkspaceGraph,
  ) {
    this.names = graph.projects.flatMap((project) => {
      const name = project.root === '.' ? undefined : packageName(workspaceRoot, project.root);
      return name ? [{ name, project }] : [];
    });
    this.aliases = workspacePathAliases(workspaceRoot)?.aliases ?? [];
  }

  /** The project that owns a workspace-relative path (the deepest root that contains it). */
  projectOf(path: string): WorkspaceProjectNode | undefined {
    return this.graph.projects.filter((p) => p.root !== '.' && within(path, p.root)).sort((a, b) => b.root.length - a.root.length)[0];
  }

  /** TypeScript tries path aliases before packages, and so does this. */
  resolve(specifier: string): WorkspaceImportTarget | undefined {
    if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
    return this.throughAlias(specifier) ?? this.byPackageName(specifier);
  }

  private throughAlias(specifier: string): WorkspaceImportTarget | undefined {
    for (const { alias, targets } of this.aliases) {
      const star = alias.indexOf('*');
      const [prefix, suffix] = star < 0 ? [alias, ''] : [alias.slice(0, star), alias.slice(star + 1)];
      const matches = star < 0 ? specifier === alias : specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length;
      if (!matches || targets.length === 0) continue;
      const file = star < 0 ? targets[0] : targets[0].replace('*', specifier.slice(prefix.length, specifier.length - suffix.length));
      const project = this.projectOf(file);
      if (project) return { project, subpath: star < 0 ? '.' : `./${file.slice(project.root.length + 1)}`, alias, file };
    }
    return undefined;
  }

  private byPackageName(specifier: string): WorkspaceImportTarget | undefined {
    for (const { name, project } of this.names) {
      if (specifier === name) return { project, subpath: '.' };
      if (specifier.startsWith(`${name}/`)) return { project, subpath: `./${specifier.slice(name.length + 1)}` };
    }
    return undefined;
  }
}
