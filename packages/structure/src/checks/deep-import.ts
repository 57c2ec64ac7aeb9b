import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePython, defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { moduleFile, otherPythonPackages } from '../python/workspace-modules';
import { importsOfDependencies, workspacePackages } from '../typescript/cross-project-imports';
import { exportsExpose } from '../typescript/exports-map';

function exportsOf(workspaceRoot: string, root: string): { name?: string; exports?: unknown } {
  try {
    return JSON.parse(readFileSync(join(workspaceRoot, root, 'package.json'), 'utf8')) as { name?: string; exports?: unknown };
  } catch {
    return {};
  }
}

/** Exposed by the exports map, as the subpath of the specifier (`@acme/core/testing`) or of the file a path alias leads to. */
function isExposed(manifest: { name?: string; exports?: unknown }, specifier: string, fileSubpath: string): boolean {
  const specifierSubpath = manifest.name && specifier.startsWith(`${manifest.name}/`) ? `./${specifier.slice(manifest.name.length + 1)}` : undefined;
  return exportsExpose(manifest.exports, fileSubpath) || (specifierSubpath !== undefined && exportsExpose(manifest.exports, specifierSubpath));
}

function typescriptFindings(project: ShipshapeProject): FindingInput[] {
  if (!project.languages().includes('typescript')) return [];
  const packages = workspacePackages(project);
  if (!packages) return [];
  return importsOfDependencies(project, packages)
    .filter(({ target }) => target.subpath !== '.')
    .filter(({ ref, target }) => !isExposed(exportsOf(project.workspaceRoot, target.project.root), ref.specifier, target.subpath))
    .map(({ file, ref, target }) => {
      const manifest = exportsOf(project.workspaceRoot, target.project.root);
      const entry = manifest.name ?? target.project.name;
      const through = target.alias ? ` (through the tsconfig path alias "${target.alias}")` : '';
      return {
        message: `"${ref.specifier}" reaches into ${target.project.name}'s internals${through}, past its ${manifest.exports ? 'exports map' : 'entry point'}: import from "${entry}", and export what is needed from its entry barrel if it is public`,
        file,
        line: ref.line,
        column: ref.column,
        key: `ts:${ref.specifier}`,
      };
    });
}

async function pythonFindings(project: ShipshapeProject): Promise<FindingInput[]> {
  if (!project.languages().includes('python') || !project.workspaceGraph()) return [];
  const owners = otherPythonPackages(project);
  if (owners.size === 0 || project.pythonFiles().length === 0) return [];
  const analysis = await project.python();
  const isFile = (path: string) => existsSync(join(project.workspaceRoot, path));
  const uses: Array<{ file: string; line: number; column: number; module: string; names: string[]; target?: string; owner: string }> = [];
  for (const file of project.pythonFiles()) {
    for (const record of analysis.files[file.path]?.imports ?? []) {
      const owner = record.level === 0 ? owners.get(record.module.split('.')[0]) : undefined;
      if (!owner) continue;
      uses.push({ file: file.file, line: record.line, column: record.column, module: record.module, names: record.names, target: moduleFile(owner, record.module, isFile), owner: owner.project.name });
    }
  }
  const targets = [...new Set(uses.flatMap((u) => (u.target ? [u.target] : [])))];
  const targetAnalysis = await analyzePython(targets.map((t) => join(project.workspaceRoot, t)), { python: project.options.python, project: project.name });
  const findings: FindingInput[] = [];
  for (const use of uses) {
    const privateModule = use.module.split('.').slice(1).find((s) => s.startsWith('_') && !s.startsWith('__'));
    if (privateModule) {
      findings.push({ ...at(use), message: `imports ${use.module}, a private module (${privateModule}) of ${use.owner}: use what the package exports`, key: `py:${use.module}` });
      continue;
    }
    const all = use.target ? targetAnalysis.files[join(project.workspaceRoot, use.target)]?.all : undefined;
    for (const name of use.names.filter((n) => n !== '*')) {
      if (name.startsWith('_')) findings.push({ ...at(use), message: `imports ${name}, a private name of ${use.module} (${use.owner})`, key: `py:${use.module}:${name}` });
      else if (all?.names && !all.names.includes(name) && !isSubmodule(use, name, owners, isFile)) {
        findings.push({ ...at(use), message: `imports ${name} from ${use.module} (${use.owner}), whose __all__ does not list it: it is not part of that module's public API`, key: `py:${use.module}:${name}` });
      }
    }
  }
  return findings;
}

function isSubmodule(use: { module: string }, name: string, owners: ReturnType<typeof otherPythonPackages>, isFile: (p: string) => boolean): boolean {
  const owner = owners.get(use.module.split('.')[0]);
  return !!owner && moduleFile(owner, `${use.module}.${name}`, isFile) !== undefined;
}

const at = (use: { file: string; line: number; column: number }) => ({ file: use.file, line: use.line, column: use.column });

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
