import { parseJson, parseToml, type ManifestText } from '../../manifest';
import type { ShipshapeProject } from '../shipshape-project';
import { ShipshapeError } from '../../util/errors';
import { defineFact } from '../fact';

export type PackageJson = Record<string, unknown>;
export type PyProject = Record<string, unknown> & {
  project?: Record<string, unknown>;
  'build-system'?: Record<string, unknown>;
  tool?: Record<string, unknown>;
};

function readManifest<T>(
  project: ShipshapeProject,
  name: string,
  parse: (text: string, file: string) => unknown,
  shape: string,
): ManifestText<T> | undefined {
  const path = project.file(name);
  const text = project.workspace.source.read(path);
  if (text === undefined) return undefined;
  const data = parse(text, path);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ShipshapeError(`must hold ${shape}`, path);
  return { path, text, data: data as T };
}

/** The project's package.json, parsed; undefined when it has none. Malformed JSON throws one error naming the file. */
export const packageJson = defineFact({
  id: 'manifest/package-json',
  compute: (project) => readManifest<PackageJson>(project, 'package.json', parseJson, 'a JSON object'),
});

/** The project's pyproject.toml, parsed; undefined when it has none. */
export const pyproject = defineFact({
  id: 'manifest/pyproject',
  compute: (project) => readManifest<PyProject>(project, 'pyproject.toml', parseToml, 'TOML tables'),
});
