import { Node, type Project } from 'ts-morph';
import {
  addWorkspaceFile,
  buildOutputs,
  DECLARATION_PATTERN,
  defineFact,
  isLibrarySource,
  programPath,
  projectFiles,
  projectRelative,
  syntaxProgram,
  TS_SOURCE_PATTERN,
  workspacePathOf,
} from '@shipshape/core';

/** One declaration the public API exposes, under the name an entry exports it by. */
export interface PublicDeclaration {
  /** The name the entry exports (`default` for a default export). */
  name: string;
  node: Node;
  /** Workspace-relative file of the declaration, and its 1-based position. */
  file: string;
  line: number;
  column: number;
}

export interface PublicTypescriptApi {
  /** Workspace-relative sources of the entries (exports map subpaths, main/types; bin and `./internal/*`-like subpaths left out). */
  entries: string[];
  /** Every declaration the entries export, `export *` chains and re-exports followed, each once. */
  declarations: PublicDeclaration[];
  /** The in-memory program (`/` + workspace-relative paths) over the project's sources. */
  program: Project;
}

/** Subpaths a package exposes but names as not public (`./internal/*`, `./unstable-core-do-not-import`, `./_private`). */
const INTERNAL_SUBPATH = /(?:^|\/)(?:internals?|private|_[^/]*|[^/]*do-not-(?:import|use)[^/]*)(?:\/|$)/;

const DEFAULT_ENTRIES = ['src/index.ts', 'src/index.tsx', 'src/index.mts', 'index.ts', 'src/index.js', 'index.js'];

/** The workspace-relative line and column of a node. */
export function positionOf(node: Node): { file: string; line: number; column: number } {
  const source = node.getSourceFile();
  const { line, column } = source.getLineAndColumnAtPos(node.getStart());
  return { file: workspacePathOf(source), line, column };
}

/** The node a finding points at: the declaration's name when it has one. */
export function nameNode(node: Node): Node {
  const named = node as Node & { getNameNode?: () => Node | undefined };
  return (typeof named.getNameNode === 'function' ? named.getNameNode() : undefined) ?? node;
}

/**
 * The project's public TypeScript API: what its entry points export, resolved to the declarations in its own
 * sources (syntax and symbols only, one in-memory program, so it runs the same on the Tree and on disk).
 */
export const publicTypescriptApi = defineFact({
  id: 'facades/public-typescript',
  inputs: [projectFiles, buildOutputs],
  compute: (project, files, outputs): PublicTypescriptApi => {
    const program = syntaxProgram();
    for (const { file } of files) {
      const relative = projectRelative(project.root, file);
      if (!TS_SOURCE_PATTERN.test(file) || DECLARATION_PATTERN.test(file) || relative.split('/').includes('node_modules')) continue;
      if (outputs.isOutput(file) || !isLibrarySource(relative)) continue;
      addWorkspaceFile(program, project, file);
    }
    const declared = outputs.entries
      // typesVersions only redirects the types of what exports/main expose (`*` -> `dist/types/*` would be every file)
      .filter((e) => e.kind !== 'other' && e.field[0] !== 'bin' && e.field[0] !== 'typesVersions')
      .filter((e) => ![e.subpath, ...e.field].some((k) => typeof k === 'string' && INTERNAL_SUBPATH.test(k)))
      .flatMap((e) => [...(e.source ? [e.source] : []), ...(e.sources ?? [])]);
    const fallback = DEFAULT_ENTRIES.map((f) => project.file(f)).find((f) => program.getSourceFile(programPath(f)));
    const entries = [...new Set(declared.length > 0 ? declared : fallback ? [fallback] : [])].filter((f) =>
      program.getSourceFile(programPath(f)),
    );
    const seen = new Set<Node>();
    const declarations: PublicDeclaration[] = [];
    for (const entry of entries) {
      const source = program.getSourceFileOrThrow(programPath(entry));
      let exported: ReadonlyMap<string, Node[]>;
      try {
        exported = source.getExportedDeclarations();
      } catch {
        continue; // a module the binder cannot resolve: its public API is unknown, say nothing
      }
      for (const [name, nodes] of exported) {
        for (const node of nodes) {
          if (seen.has(node) || Node.isSourceFile(node)) continue;
          const file = workspacePathOf(node.getSourceFile());
          if (!program.getSourceFile(programPath(file)) || !file.startsWith(project.root === '.' ? '' : `${project.root}/`)) continue;
          seen.add(node);
          declarations.push({ name, node, ...positionOf(nameNode(node)) });
        }
      }
    }
    return { entries, declarations, program };
  },
});
