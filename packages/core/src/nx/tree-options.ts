import { posix } from 'node:path';
import { PIPELINE_PLUGIN } from '../config/defaults';
import { resolveOptions, type OptionsSection, type ResolvedOptions, type ShipshapeOptions } from '../config/options';
import { parseJsonWithComments } from '../manifest/jsonc';
import type { FileSource } from '../file-system/file-source';
import { ShipshapeError } from '../util/errors';

/** Audit target options that are not Shipshape options. */
const EXECUTOR_ONLY = ['updateBaseline'];

interface NxJson {
  plugins?: Array<string | { plugin?: string; options?: ShipshapeOptions }>;
}

interface ProjectJson {
  targets?: Record<string, { options?: Record<string, unknown> }>;
}

function readJson<T>(source: Pick<FileSource, 'read'>, path: string): T | undefined {
  const text = source.read(path);
  return text === undefined ? undefined : parseJsonWithComments<T>(text, path);
}

/** The pipeline plugin's options as nx.json gives them (raw), `{}` without a plugin entry. */
export function pluginOptionsIn(source: Pick<FileSource, 'read'>): ShipshapeOptions {
  const nxJson = readJson<NxJson>(source, 'nx.json');
  if (nxJson?.plugins !== undefined && !Array.isArray(nxJson.plugins))
    throw new ShipshapeError(`"plugins" must be a list, not ${JSON.stringify(nxJson.plugins).slice(0, 40)}`, 'nx.json');
  const entry = nxJson?.plugins?.find((p) => (typeof p === 'string' ? p : p?.plugin) === PIPELINE_PLUGIN);
  return (typeof entry === 'object' ? entry.options : undefined) ?? {};
}

/**
 * The Shipshape options of a project, as the audit resolves them: the pipeline plugin's options in nx.json,
 * overridden by the project's audit target options (project.json, or the `nx` field of package.json).
 * Invalid options throw one ShipshapeError naming where they are.
 */
export function readProjectOptions(
  source: Pick<FileSource, 'read'>,
  projectRoot: string,
  sections: readonly OptionsSection[] = [],
): ResolvedOptions {
  const pluginOptions = pluginOptionsIn(source);
  const plugin = resolveOptions(pluginOptions, `nx.json (plugin "${PIPELINE_PLUGIN}" options)`, sections);
  const at = (name: string) => (projectRoot === '.' || projectRoot === '' ? name : posix.join(projectRoot, name));
  const projectJson = readJson<ProjectJson>(source, at('project.json'));
  const packageJson = readJson<{ nx?: ProjectJson }>(source, at('package.json'));
  const target = projectJson?.targets?.[plugin.targetName] ?? packageJson?.nx?.targets?.[plugin.targetName];
  if (!target?.options) return plugin;
  const overrides = Object.fromEntries(Object.entries(target.options).filter(([key]) => !EXECUTOR_ONLY.includes(key)));
  const where = projectJson?.targets?.[plugin.targetName] ? at('project.json') : at('package.json');
  return resolveOptions({ ...pluginOptions, ...overrides }, `${where} (target "${plugin.targetName}" options)`, sections);
}
