import {
  projectRelative,
  pythonPackages,
  pythonRole,
  type PythonAnalysis,
  type ShipshapeProject,
  type WorkspacePackage,
} from '@shipshape/core';
import { depsOptions } from '../../options';
import type { DependencyUse } from '../model';

interface PythonUseContext {
  analysis: PythonAnalysis;
  /** Top-level modules of the standard library: never a dependency. */
  stdlib: ReadonlySet<string>;
  /** The other Python packages of the workspace. */
  workspace: readonly WorkspacePackage[];
  /** The distribution that provides an imported module. */
  distributionOf(module: string): string;
}

/** Every absolute import of the project's Python code that is not its own or the standard library's, by distribution. */
export function pythonUses(project: ShipshapeProject, context: PythonUseContext): DependencyUse[] {
  const ownModules = project.get(pythonPackages).importNames;
  const devFiles = depsOptions(project).devFiles ?? [];
  const uses: DependencyUse[] = [];
  for (const [file, result] of Object.entries(context.analysis.files)) {
    if (result.error) continue;
    const role = pythonRole(projectRelative(project.root, file), { importNames: ownModules, devFiles });
    for (const imported of result.imports) {
      if (imported.level > 0 || imported.module === '') continue;
      const top = imported.module.split('.')[0];
      if (context.stdlib.has(top) || ownModules.has(top)) continue;
      const local = context.workspace.find((w) => w.python?.importNames.has(top));
      const use: DependencyUse = {
        name: local?.python ? local.python.name : context.distributionOf(imported.module),
        file,
        line: imported.line,
        column: imported.column,
        role,
        typeOnly: imported.guard === 'type-checking',
        guarded: imported.guard === 'import-error',
        topLevel: !imported.inFunction,
        specifier: imported.module,
        declaredOnly: false,
      };
      if (local) use.workspaceProject = local.project.name;
      uses.push(use);
    }
  }
  return uses;
}
