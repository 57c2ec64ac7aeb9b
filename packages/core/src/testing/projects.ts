import type { Tree } from '@nx/devkit';
import { resolveOptions, type OptionsSection } from '../config/options';
import { diskWorkspace, treeWorkspace } from '../facts/create-workspace';
import type { ShipshapeProject } from '../facts/shipshape-project';
import type { WorkspaceGraph } from '../facts/workspace-graph';
import { workspaceGraph } from '../facts/workspace/projects';
import { resolveProject } from '../generators/resolve-project';

/**
 * A project on disk as an audit sees it, for tests: options validated as the executor would (with the given
 * sections), Nx's graph when given (else the cached one, else the folders); its name and tags from that graph unless given.
 */
export function diskProject(
  workspaceRoot: string,
  root: string,
  init: { name?: string; options?: unknown; sections?: readonly OptionsSection[]; graph?: WorkspaceGraph; tags?: string[] } = {},
): ShipshapeProject {
  const options = resolveOptions(init.options ?? {}, 'test options', init.sections ?? []);
  const workspace = diskWorkspace({ workspaceRoot, options, graph: init.graph });
  const node = workspace.get(workspaceGraph).projects.find((p) => p.root === root);
  const name = init.name ?? node?.name ?? root.split('/').pop() ?? root;
  return workspace.project({ name, root, tags: init.tags ?? node?.tags });
}

/** A project of a generator's Tree as the fix generators see it (its short name accepted). */
export function treeProject(tree: Tree, name: string, sections: readonly OptionsSection[] = []): ShipshapeProject {
  const workspace = treeWorkspace(tree, sections);
  return workspace.project(resolveProject(workspace.get(workspaceGraph).projects, name));
}
