import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TypeScriptAdapter } from '../adapters/typescript/typescript-adapter';
import { analyzePython, type PythonAnalysis } from '../adapters/python';
import { readJsonFile, readTomlFile, type ManifestText } from '../manifest';
import type { Language } from '../model/finding';
import type { ResolvedOptions } from '../config/options';
import { lazy } from '../util/memo';
import { listProjectFiles, type FileListing, type ProjectFile } from './files';
import { readWorkspaceGraph, type WorkspaceGraph } from './workspace-graph';

export type PackageJson = Record<string, unknown>;
export type PyProject = Record<string, unknown> & { project?: Record<string, unknown>; 'build-system'?: Record<string, unknown> };

export interface ProjectInit {
  name: string;
  /** Workspace-relative root, `.` for a root project. */
  root: string;
  workspaceRoot: string;
  options: ResolvedOptions;
  /** Nx project configuration facts a check may need (tags, project type). */
  tags?: string[];
  projectType?: 'library' | 'application';
  /** The workspace's projects and Nx's dependency edges; read from Nx's cached project graph when not given. */
  workspaceGraph?: WorkspaceGraph;
}

/**
 * An Nx project as checks see it: every fact is computed on first use and memoized, so a check pays only
 * for what it reads, and the checks of one audit share the work.
 */
export class ShipshapeProject {
  readonly name: string;
  readonly root: string;
  readonly absRoot: string;
  readonly workspaceRoot: string;
  readonly options: ResolvedOptions;
  readonly tags: string[];

  constructor(private readonly init: ProjectInit) {
    this.name = init.name;
    this.root = init.root;
    this.workspaceRoot = init.workspaceRoot;
    this.absRoot = join(init.workspaceRoot, init.root);
    this.options = init.options;
    this.tags = init.tags ?? [];
  }

  /** Workspace-relative path of a file in this project. */
  file(relativeToProject: string): string {
    return this.root === '.' || this.root === '' ? relativeToProject : `${this.root}/${relativeToProject}`;
  }

  readonly listing = lazy<FileListing>(() =>
    listProjectFiles({ workspaceRoot: this.workspaceRoot, projectRoot: this.root, maxFileBytes: this.options.maxFileBytes }),
  );

  files(): ProjectFile[] {
    return this.listing().files;
  }

  /** The project's package.json, parsed; undefined when there is none. Malformed JSON throws a ShipshapeError naming the file. */
  readonly packageJson = lazy<ManifestText<PackageJson> | undefined>(() => this.readManifest('package.json', readJsonFile<PackageJson>));

  readonly pyproject = lazy<ManifestText<PyProject> | undefined>(() => this.readManifest('pyproject.toml', readTomlFile<PyProject>));

  readonly languages = lazy<Language[]>(() => {
    const languages: Language[] = [];
    if (existsSync(join(this.absRoot, 'package.json')) || existsSync(join(this.absRoot, 'tsconfig.json'))) languages.push('typescript');
    if (existsSync(join(this.absRoot, 'pyproject.toml'))) languages.push('python');
    return languages;
  });

  readonly typescript = lazy(() => new TypeScriptAdapter(this.absRoot, () => this.files()));

  readonly pythonFiles = lazy(() => this.files().filter((f) => f.path.endsWith('.py')));

  /** One batched `ast` pass over every Python file of the project. */
  readonly python = lazy<Promise<PythonAnalysis>>(() =>
    analyzePython(this.pythonFiles().map((f) => f.path), { python: this.options.python, maxBytes: this.options.maxFileBytes, cwd: this.absRoot, project: this.name }),
  );

  /**
   * Other projects of the workspace and Nx's edges between them; undefined when Nx has not computed a graph
   * for this workspace, or computed it before this project existed.
   */
  readonly workspaceGraph = lazy<WorkspaceGraph | undefined>(() => {
    if (this.init.workspaceGraph) return this.init.workspaceGraph;
    const graph = readWorkspaceGraph(this.workspaceRoot);
    return graph?.projects.some((p) => p.root === this.root) ? graph : undefined;
  });

  private readManifest<T>(name: string, read: (abs: string, shown: string) => ManifestText<T>): ManifestText<T> | undefined {
    const abs = join(this.absRoot, name);
    return existsSync(abs) ? read(abs, this.file(name)) : undefined;
  }
}
