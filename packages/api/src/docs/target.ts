import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetConfiguration } from '@nx/devkit';
import { guardTarget } from '@shipshape/core/plugin';
import { pythonVersionsInput } from '../python-versions-input';

// Kept free of the checks' imports (yaml, ts-morph): Nx's plugin worker loads this file for every graph.
const API_DIR = 'docs/reference/api';

/** The Python side of the build (MkDocs, Material, mkdocstrings, its handler, pymdown-extensions, griffe), for the cache key. */
const PYTHON_TOOLS = pythonVersionsInput([
  'mkdocs',
  'mkdocs-material',
  'mkdocstrings',
  'mkdocstrings-python',
  'pymdown-extensions',
  'griffe',
]);

/**
 * The inferred `docs` target of a project, or undefined when it has no docs set up (no mkdocs.yml, and for TS no
 * typedoc.json). Cached: its inputs are the project's files (the built site and the TypeDoc pages left out: they
 * are its outputs), the installed versions of the docs tools; its outputs the site folder (mkdocs.yml's
 * site_dir, `site` by default) and, for TS, the API pages TypeDoc writes. One project's docs rebuild alone.
 */
export function docsTarget(root: string, language: 'typescript' | 'python', workspaceRoot: string): TargetConfiguration | undefined {
  const mkdocs = join(workspaceRoot, root, 'mkdocs.yml');
  const typedoc = language === 'typescript' && existsSync(join(workspaceRoot, root, 'typedoc.json'));
  const hasMkdocs = existsSync(mkdocs);
  if (!hasMkdocs && !typedoc) return undefined;
  const site = hasMkdocs ? siteDir(mkdocs) : undefined;
  const outputs = [...(site ? [`{projectRoot}/${site}`] : []), ...(typedoc ? [`{projectRoot}/${API_DIR}`] : [])];
  return guardTarget({
    executor: '@shipshape/api:docs',
    description: `Build the docs with warnings as errors (${[typedoc ? 'TypeDoc treatWarningsAsErrors' : '', hasMkdocs ? 'mkdocs build --strict' : ''].filter(Boolean).join(', then ')})`,
    inputs: [
      '{projectRoot}/**/*',
      ...outputs.map((output) => `!${output}/**/*`),
      { env: 'SHIPSHAPE_PYTHON' },
      ...(hasMkdocs ? [PYTHON_TOOLS] : []),
    ],
    outputs,
    externalDependencies: [...(typedoc ? ['typedoc', 'typedoc-plugin-markdown'] : []), ...(hasMkdocs ? ['mermaid'] : [])],
    workspaceRoot,
  });
}

/** mkdocs.yml's site_dir (a top-level `site_dir: x` line), `site` by default. */
function siteDir(file: string): string {
  try {
    const match = /^site_dir:[ \t]*["']?([^"'#\r\n]+?)["']?[ \t]*(#.*)?$/m.exec(readFileSync(file, 'utf8'));
    const dir = match?.[1].trim().replace(/^\.\//, '').replace(/\/+$/, '');
    return dir && !dir.startsWith('/') && !dir.split('/').includes('..') ? dir : 'site';
  } catch {
    return 'site';
  }
}
