import {
  defineCheck,
  packageJson,
  projectLanguages,
  pythonAnalysis,
  pythonFiles,
  type FindingInput,
  type PackageJson,
  type ShipshapeProject,
  type WorkspaceProject,
} from '@shipshape/core';
import { moduleFile, otherPythonPackages, type PythonPackageOwner } from '../python/workspace-owners';
import { dependencyImports } from '../typescript/cross-project-imports';
import { exportsExpose } from '../typescript/exports-map';

/** Another project's package.json, as its code is imported; a malformed one is that project's audit's to report. */
function manifestOf(project: ShipshapeProject, node: WorkspaceProject): PackageJson {
  try {
    return project.workspace.project(node).get(packageJson)?.data ?? {};
  } catch {
    return {};
  }
}

/** Exposed by the exports map, as the subpath of the specifier (`@acme/core/testing`) or of the file a path alias leads to. */
function isExposed(manifest: PackageJson, specifier: string, fileSubpath: string): boolean {
  const name = typeof manifest.name === 'string' ? manifest.name : undefined;
  const specifierSubpath = name && specifier.startsWith(`${name}/`) ? `./${specifier.slice(name.length + 1)}` : undefined;
  return (
    exportsExpose(manifest.exports, fileSubpath) || (specifierSubpath !== undefined && exportsExpose(manifest.exports, specifierSubpath))
  );
}

function typescriptFindings(project: ShipshapeProject): FindingInput[] {
  if (!project.get(projectLanguages).includes('typescript')) return [];
  return (project.get(dependencyImports) ?? []).flatMap(({ file, ref, target }) => {
    const manifest = manifestOf(project, target.project);
    if (target.subpath === '.' || isExposed(manifest, ref.specifier, target.subpath)) return [];
    const entry = typeof manifest.name === 'string' ? manifest.name : target.project.name;
    const through = target.alias ? ` (through the tsconfig path alias "${target.alias}")` : '';
    return [
      {
        message: `"${ref.specifier}" reaches into ${target.project.name}'s internals${through}, past its ${manifest.exports ? 'exports map' : 'entry point'}: import from "${entry}", and export what is needed from its entry barrel if it is public`,
        file,
        line: ref.line,
        column: ref.column,
        key: `ts:${ref.specifier}`,
      },
    ];
  });
}

interface PythonUse {
  file: string;
  line: number;
  column: number;
  module: string;
  names: string[];
  owner: PythonPackageOwner;
  /** The module file imported, when it is one of the owner's files. */
  target?: string;
}

/** This project's absolute imports of other Python projects' packages. */
async function pythonUses(project: ShipshapeProject, owners: Map<string, PythonPackageOwner>): Promise<PythonUse[]> {
  const analysis = await project.get(pythonAnalysis);
  const isFile = (path: string) => project.workspace.source.isFile(path);
  return project.get(pythonFiles).flatMap((file) =>
    (analysis.files[file]?.imports ?? []).flatMap((record) => {
      const owner = record.level === 0 ? owners.get(record.module.split('.')[0]) : undefined;
      if (!owner) return [];
      return [
        {
          file,
          line: record.line,
          column: record.column,
          module: record.module,
          names: record.names,
          owner,
          target: moduleFile(owner, record.module, isFile),
        },
      ];
    }),
  );
}

/** The literal `__all__` of an imported module, from its own project's analysis. */
async function allOf(project: ShipshapeProject, use: PythonUse): Promise<string[] | undefined> {
  if (!use.target) return undefined;
  const analysis = await project.workspace.project(use.owner.project).get(pythonAnalysis);
  return analysis.files[use.target]?.all?.names ?? undefined;
}

async function pythonFindings(project: ShipshapeProject): Promise<FindingInput[]> {
  if (!project.get(projectLanguages).includes('python')) return [];
  const owners = project.get(otherPythonPackages);
  if (!owners || owners.size === 0 || project.get(pythonFiles).length === 0) return [];
  const isFile = (path: string) => project.workspace.source.isFile(path);
  const findings: FindingInput[] = [];
  for (const use of await pythonUses(project, owners)) {
    const at = { file: use.file, line: use.line, column: use.column };
    const owner = use.owner.project.name;
    const privateModule = use.module
      .split('.')
      .slice(1)
      .find((s) => s.startsWith('_') && !s.startsWith('__'));
    if (privateModule) {
      findings.push({
        ...at,
        message: `imports ${use.module}, a private module (${privateModule}) of ${owner}: use what the package exports`,
        key: `py:${use.module}`,
      });
      continue;
    }
    const all = await allOf(project, use);
    for (const name of use.names.filter((n) => n !== '*')) {
      if (name.startsWith('_'))
        findings.push({ ...at, message: `imports ${name}, a private name of ${use.module} (${owner})`, key: `py:${use.module}:${name}` });
      else if (all && !all.includes(name) && !moduleFile(use.owner, `${use.module}.${name}`, isFile)) {
        findings.push({
          ...at,
          message: `imports ${name} from ${use.module} (${owner}), whose __all__ does not list it: it is not part of that module's public API`,
          key: `py:${use.module}:${name}`,
        });
      }
    }
  }
  return findings;
}

export default defineCheck({
  id: 'structure/deep-import',
  title: "No imports of another project's internals",
  planItem: 'structure/boundaries',
  languages: ['typescript', 'python'],
  severity: 'warning',
  description:
    "TypeScript: an import of another workspace project (by package name or tsconfig path alias) must go through that project's entry point or a subpath its exports map exposes; Nx's project graph says which projects this one depends on. Python: no imports of another project's _private modules or names, nor of names its module's __all__ leaves out. Without an Nx project graph (an audit run outside Nx) there is nothing to compare with.",
  run: async (project) => [...typescriptFindings(project), ...(await pythonFindings(project))],
});
