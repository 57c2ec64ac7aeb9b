import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { errorMessage, findTool, isShipshapeError, runProcess, ShipshapeError, type ToolBinary } from '@shipshape/core';
import { notUtf8 } from '../../docs/checks/docs-config';
import {
  MERMAID_SCRIPT,
  MERMAID_SOURCE,
  MKDOCS_FILE,
  TYPEDOC_FILE,
  docsDirOf,
  isObject,
  mkdocsData,
  siteDirOf,
  typedocEntries,
} from '../../docs/layout';
import type { DocsExecutorSchema } from './schema';

const TYPEDOC: ToolBinary = { kind: 'npm', name: 'TypeDoc', bin: 'typedoc', package: 'typedoc typedoc-plugin-markdown' };
const MKDOCS: ToolBinary = {
  kind: 'python',
  name: 'MkDocs',
  module: 'mkdocs',
  distribution: 'mkdocs mkdocs-material "mkdocstrings[python]"',
};

interface Step {
  success: boolean;
}

/**
 * `nx run <project>:docs`: TypeDoc (typedoc.json, treatWarningsAsErrors) writes the TS API pages, then `mkdocs
 * build --strict` builds the site. Each step's bad input is one message naming the file; a failed or missing
 * TypeDoc does not stop MkDocs, nor the reverse, so that every problem shows in one run.
 */
export default async function docsExecutor(options: DocsExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const name = context.projectName;
  const node = name ? context.projectsConfigurations?.projects[name] : undefined;
  if (!name || !node) {
    console.error('The docs executor must run as a project target (nx run <project>:docs).');
    return { success: false };
  }
  const at = { workspaceRoot: context.root, projectRoot: node.root, python: options.python };
  const cwd = join(context.root, node.root);
  const timeoutMs = (options.timeoutSeconds ?? 600) * 1000;
  const steps: Step[] = [];
  if (existsSync(join(cwd, TYPEDOC_FILE))) steps.push(await guarded('TypeDoc', () => typedoc(cwd, node.root, at, timeoutMs)));
  if (existsSync(join(cwd, MKDOCS_FILE))) steps.push(await guarded('MkDocs', () => mkdocs(cwd, node.root, at, timeoutMs)));
  if (steps.length === 0) {
    console.error(`${node.root} has neither ${MKDOCS_FILE} nor ${TYPEDOC_FILE}: run nx g @shipshape/api:docs --project=${name}`);
    return { success: false };
  }
  return { success: steps.every((step) => step.success) };
}

async function guarded(tool: string, step: () => Promise<Step>): Promise<Step> {
  try {
    return await step();
  } catch (error) {
    console.error(isShipshapeError(error) ? `Shipshape: ${error.message}` : `${tool} failed: ${errorMessage(error)}`);
    return { success: false };
  }
}

type At = { workspaceRoot: string; projectRoot: string; python?: string };

async function typedoc(cwd: string, root: string, at: At, timeoutMs: number): Promise<Step> {
  const file = `${root}/${TYPEDOC_FILE}`;
  const entries = typedocEntries(readFileSync(join(cwd, TYPEDOC_FILE), 'utf8'), file);
  const missing = entries.filter((entry) => !/[*?{]/.test(entry) && !existsSync(join(cwd, entry)));
  if (missing.length)
    throw new ShipshapeError(
      `the entry point${missing.length > 1 ? 's' : ''} ${missing.join(', ')} do${missing.length > 1 ? '' : 'es'} not exist (nx g @shipshape/api:docs writes the entries of package.json's exports map)`,
      file,
    );
  const { command, args } = await findTool(TYPEDOC, at);
  return run('TypeDoc', command, [...args, '--options', TYPEDOC_FILE, '--treatWarningsAsErrors'], cwd, timeoutMs);
}

async function mkdocs(cwd: string, root: string, at: At, timeoutMs: number): Promise<Step> {
  const file = `${root}/${MKDOCS_FILE}`;
  const data = mkdocsData(readFileSync(join(cwd, MKDOCS_FILE), 'utf8'), file);
  const docsDir = join(cwd, docsDirOf(data));
  for (const page of markdownFiles(docsDir)) {
    const problem = notUtf8(readFileSync(page));
    if (problem)
      throw new ShipshapeError(`${relative(at.workspaceRoot, page)} ${problem}: mkdocs reads Markdown as UTF-8; save it as UTF-8`);
  }
  const { command, args } = await findMkdocs(at);
  const built = await run('MkDocs', command, [...args, 'build', '--strict', '--config-file', MKDOCS_FILE], cwd, timeoutMs);
  if (built.success) copyMermaid(data, join(cwd, siteDirOf(data)), at);
  return built;
}

/** Debian's MkDocs is visible to /usr/bin/python3 only. */
const SYSTEM_PYTHON = '/usr/bin/python3';

/**
 * MkDocs with the interpreter Shipshape uses; when none is named (the python option, SHIPSHAPE_PYTHON) and the
 * python3 on the PATH lacks it, Debian's /usr/bin/python3 when that has it. Missing: the one install message.
 */
async function findMkdocs(at: At): Promise<{ command: string; args: string[] }> {
  try {
    return await findTool(MKDOCS, at);
  } catch (error) {
    if (at.python || process.env.SHIPSHAPE_PYTHON || !existsSync(SYSTEM_PYTHON)) throw error;
    try {
      return await findTool(MKDOCS, { ...at, python: SYSTEM_PYTHON });
    } catch {
      throw error;
    }
  }
}

async function run(tool: string, command: string, args: string[], cwd: string, timeoutMs: number): Promise<Step> {
  const started = Date.now();
  const result = await runProcess(command, args, { cwd, timeoutMs, stream: true });
  if (result.timedOut) {
    console.error(`${tool} ran longer than ${Math.round(timeoutMs / 1000)} s and was stopped (set timeoutSeconds to allow more).`);
    return { success: false };
  }
  if (result.spawnError) {
    console.error(`${tool} could not be started: ${result.spawnError.message}`);
    return { success: false };
  }
  if (result.code !== 0) {
    console.error(`${tool} failed (exit code ${result.code}): warnings count as errors, see its output above.`);
    return { success: false };
  }
  console.log(`${tool} built the docs in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { success: true };
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return /\.(md|markdown)$/.test(entry.name) ? [path] : [];
  });
}

/** The site loads Mermaid from itself (no CDN): copied from node_modules when mkdocs.yml asks for it. */
function copyMermaid(data: Record<string, unknown>, site: string, at: At): void {
  const scripts = Array.isArray(data.extra_javascript) ? data.extra_javascript : [];
  if (!scripts.some((s) => (typeof s === 'string' ? s : isObject(s) ? s.path : undefined) === MERMAID_SCRIPT)) return;
  for (let dir = join(at.workspaceRoot, at.projectRoot); ; dir = dirname(dir)) {
    const source = join(dir, 'node_modules', MERMAID_SOURCE);
    if (existsSync(source)) {
      mkdirSync(dirname(join(site, MERMAID_SCRIPT)), { recursive: true });
      copyFileSync(source, join(site, MERMAID_SCRIPT));
      return;
    }
    if (dir === at.workspaceRoot || dirname(dir) === dir) break;
  }
  console.warn(
    `mermaid is not installed in this workspace, so the site's diagrams will not render; install it with: npm install -D mermaid`,
  );
}
