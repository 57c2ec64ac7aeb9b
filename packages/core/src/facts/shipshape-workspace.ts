import type { Tree } from '@nx/devkit';
import type { ResolvedOptions } from '../config/options';
import type { FileSource } from '../file-system/file-source';
import { ShipshapeError } from '../util/errors';
import { FactMemo, type WorkspaceFact } from './fact';
import { ShipshapeProject } from './shipshape-project';
import type { WorkspaceGraph, WorkspaceProject } from './workspace-graph';

export interface WorkspaceInit {
  source: FileSource;
  /** The workspace-level options (nx.json plugin options); also every project's, unless `projectOptions` says otherwise. */
  options: ResolvedOptions;
  /** A project's own options (its audit target may override the workspace's). */
  projectOptions?: (project: WorkspaceProject) => ResolvedOptions;
  /** Nx's projects and edges when the caller has them (an executor's context); otherwise read from Nx's cache, the Tree, or the folders. */
  graph?: WorkspaceGraph;
  /** The projects one run audits together (Nx's batch mode): work that one process can do for all of them at once is done so. */
  batch?: readonly WorkspaceProject[];
  /** The generator's Tree, when `source` reads one: its projects are Nx's configured ones. */
  tree?: Tree;
}

/**
 * One run's view of the workspace: its files (disk or Tree), workspace facts computed once, and its projects,
 * each with its own memoized facts. Nothing outlives the run: a new run starts from a new workspace.
 */
export class ShipshapeWorkspace {
  readonly root: string;
  readonly source: FileSource;
  readonly options: ResolvedOptions;
  readonly givenGraph?: WorkspaceGraph;
  readonly batch: readonly WorkspaceProject[];
  readonly tree?: Tree;
  private readonly memo = new FactMemo<ShipshapeWorkspace>(this);
  private readonly projects = new Map<string, ShipshapeProject>();

  constructor(private readonly init: WorkspaceInit) {
    this.root = init.source.root;
    this.source = init.source;
    this.options = init.options;
    this.givenGraph = init.graph;
    this.batch = init.batch ?? [];
    this.tree = init.tree;
  }

  get<T>(fact: WorkspaceFact<T>): T {
    return this.memo.get(fact);
  }

  /** The project of this run with the given root (and name, tags). One instance per root: its facts are shared by every check. */
  project(node: WorkspaceProject): ShipshapeProject {
    let project = this.projects.get(node.root);
    if (!project) {
      project = new ShipshapeProject(this, node, this.init.projectOptions?.(node) ?? this.options);
      this.projects.set(node.root, project);
    }
    return project;
  }

  /** A project of the workspace by name, among those `list` gives. */
  projectNamed(name: string, list: readonly WorkspaceProject[]): ShipshapeProject {
    const node = list.find((p) => p.name === name);
    if (!node) throw new ShipshapeError(`there is no project "${name}" in this workspace`);
    return this.project(node);
  }
}
