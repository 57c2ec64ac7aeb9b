import { posix } from 'node:path';
import type { Tree } from '@nx/devkit';
import {
  defineFixGenerator,
  projectFiles,
  projectLanguages,
  pyproject,
  pythonAnalysis,
  ShipshapeError,
  type FixResult,
  type ShipshapeProject,
} from '@shipshape/core';
import { planInitFiles } from '../../python/init-barrel';
import { configuredNamespaces } from '../../python/namespaces';
import { packageFolders } from '../../python/package-folders';
import { DEFAULT_ENTRY, planBarrel } from '../../typescript/barrel';
import { mainEntry } from '../../typescript/entry-points';
import type { BarrelsGeneratorSchema } from './schema';

interface FilePlan {
  path: string;
  text: string;
  notes: string[];
}

/** The project-relative folders `--folders` names, each checked to be a folder of the project. */
function requestedFolders(project: ShipshapeProject, schema: BarrelsGeneratorSchema): string[] {
  const folders = (schema.folders ?? '')
    .split(',')
    .map((f) => f.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  const { source } = project.workspace;
  for (const folder of folders) {
    const path = project.file(folder);
    if (folder.startsWith('/') || folder.split('/').includes('..') || !source.exists(path) || source.isFile(path)) {
      throw new ShipshapeError(`--folders names "${folder}", which is not a folder of project "${project.name}" (${project.root})`);
    }
  }
  if (folders.length > 0 && !project.get(projectLanguages).includes('typescript')) {
    throw new ShipshapeError(`--folders is for TypeScript projects; "${project.name}" has no package.json or tsconfig.json`);
  }
  return folders;
}

function typescriptBarrels(project: ShipshapeProject, folders: string[]): FilePlan[] {
  const hasSrc = project.get(projectFiles).some((f) => f.file.startsWith(project.file('src/')));
  const entry = project.get(mainEntry) ?? (hasSrc ? project.file(DEFAULT_ENTRY) : undefined);
  const barrels = [...new Set([...(entry ? [entry] : []), ...folders.map((f) => posix.join(project.file(f), 'index.ts'))])];
  return barrels.map((path) => planBarrel(project, path)).filter((plan) => plan !== undefined);
}

async function pythonBarrels(project: ShipshapeProject): Promise<FilePlan[]> {
  if (project.get(packageFolders).length === 0) return [];
  return planInitFiles(project, await project.get(pythonAnalysis), configuredNamespaces(project.get(pyproject)?.data));
}

/**
 * The plan's text in the style of the file it edits: its CRLF line endings when all of its lines end with one (new
 * lines are written with LF), and its byte-order mark (the TypeScript compiler reads the text without it).
 */
function inFileStyle(tree: Tree, plan: FilePlan): string {
  const original = tree.exists(plan.path) ? tree.read(plan.path, 'utf-8')! : '';
  const text = original.includes('\r\n') && !/(^|[^\r])\n/.test(original) ? plan.text.replace(/\r?\n/g, '\r\n') : plan.text;
  return original.startsWith('\uFEFF') && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text;
}

function asFix(tree: Tree, plans: FilePlan[]): FixResult {
  return {
    changes: plans.filter((p) => p.text !== '').map((p) => ({ path: p.path, content: inFileStyle(tree, p) })),
    left: plans.flatMap((p) => p.notes),
  };
}

/** `nx g @shipshape/structure:barrels --project=x`: explicit barrels (index.ts, __init__.py) computed from what modules really export. */
export const barrelsGenerator = defineFixGenerator<BarrelsGeneratorSchema>({
  name: '@shipshape/structure:barrels',
  fix: async ({ tree, project, schema }) => {
    const folders = requestedFolders(project, schema);
    const languages = project.get(projectLanguages);
    if (languages.length === 0) {
      throw new ShipshapeError(
        `project "${project.name}" is neither a TypeScript nor a Python project (no package.json, tsconfig.json or pyproject.toml)`,
        project.root,
      );
    }
    const typescript = languages.includes('typescript') ? typescriptBarrels(project, folders) : [];
    const python = languages.includes('python') ? await pythonBarrels(project) : [];
    return asFix(tree, [...typescript, ...python]);
  },
});

export default barrelsGenerator;
