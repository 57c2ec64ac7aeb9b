import type { Tree } from '@nx/devkit';
import { PIPELINE_PLUGIN } from '../config/defaults';
import { resolveOptions, type OptionsSection, type ResolvedOptions } from '../config/options';
import { diskSource, treeSource } from '../file-system/file-source';
import { pluginOptionsIn, readProjectOptions } from '../nx/tree-options';
import { discoverOptionSections } from '../registry/discover';
import type { WorkspaceGraph } from './workspace-graph';
import { ShipshapeWorkspace } from './shipshape-workspace';

/** Sections given by the caller (its own package's) first, then the installed packages' ones not given. */
function allSections(workspaceRoot: string, given: readonly OptionsSection[]): OptionsSection[] {
  const installed = discoverOptionSections(workspaceRoot).filter((s) => !given.some((g) => g.key === s.key));
  return [...given, ...installed];
}

/**
 * A generator's view of the workspace: the Tree with its pending changes, Nx's configured projects, and each
 * project's options as its audit would resolve them. A generator step makes a new one, so that it sees what
 * the steps before it wrote.
 */
export function treeWorkspace(tree: Tree, sections: readonly OptionsSection[] = []): ShipshapeWorkspace {
  const source = treeSource(tree);
  const known = allSections(tree.root, sections);
  return new ShipshapeWorkspace({
    source,
    tree,
    options: resolveOptions(pluginOptionsIn(source), `nx.json (plugin "${PIPELINE_PLUGIN}" options)`, known),
    projectOptions: (project) => readProjectOptions(source, project.root, known),
  });
}

/** An audit's view of the workspace: the disk, the options already resolved, Nx's graph when the executor has it. */
export function diskWorkspace(init: { workspaceRoot: string; options: ResolvedOptions; graph?: WorkspaceGraph }): ShipshapeWorkspace {
  return new ShipshapeWorkspace({ source: diskSource(init.workspaceRoot), options: init.options, graph: init.graph });
}
