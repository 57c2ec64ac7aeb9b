import type { Check, FindingInput, ShipshapeProject, WorkspaceGraph } from '@shipshape/core';
import { diskProject, tempWorkspace } from '@shipshape/core/testing';

/** A project of a workspace on disk, named after its root unless the graph names it. */
export const projectAt = (workspaceRoot: string, root: string, graph?: WorkspaceGraph): ShipshapeProject =>
  diskProject(workspaceRoot, root, { name: graph?.projects.find((p) => p.root === root)?.name ?? root, graph });

/** Findings as `file:line key`, the form the specs compare. */
export const summary = (findings: readonly FindingInput[]): string[] => findings.map((f) => `${f.file}:${f.line} ${f.key}`);

/** What a check finds on a project, summarized. */
export const findingsOf = async (check: Check, workspaceRoot: string, root: string, graph?: WorkspaceGraph): Promise<string[]> =>
  summary(await check.run(projectAt(workspaceRoot, root, graph)));

/** A test body run on a throw-away workspace holding the given files. */
export function withWorkspace(files: Record<string, string>, test: (root: string) => Promise<void> | void): () => Promise<void> {
  return async () => {
    const ws = tempWorkspace(files);
    try {
      await test(ws.root);
    } finally {
      ws.remove();
    }
  };
}

/** A temporary workspace shared by a describe block: created now, removed after its tests. */
export function sharedWorkspace(files: Record<string, string>): string {
  const ws = tempWorkspace(files);
  afterAll(() => ws.remove());
  return ws.root;
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);
