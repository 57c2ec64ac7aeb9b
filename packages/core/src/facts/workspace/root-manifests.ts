import { parseJson, parseToml } from '../../manifest';
import { defineWorkspaceFact } from '../fact';
import type { PackageJson, PyProject } from '../project/manifests';

function quietly<T>(text: string | undefined, parse: (text: string) => T): T | undefined {
  if (text === undefined) return undefined;
  try {
    const data = parse(text);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? data : undefined;
  } catch {
    return undefined; // the root project's own audit reports a malformed root manifest
  }
}

/** The workspace root's package.json and pyproject.toml data: what every project's tooling may be declared in. */
export const rootManifests = defineWorkspaceFact({
  id: 'workspace/root-manifests',
  compute: (workspace): { packageJson?: PackageJson; pyproject?: PyProject } => ({
    packageJson: quietly(workspace.source.read('package.json'), (text) => parseJson<PackageJson>(text, 'package.json')),
    pyproject: quietly(workspace.source.read('pyproject.toml'), (text) => parseToml<PyProject>(text, 'pyproject.toml')),
  }),
});
