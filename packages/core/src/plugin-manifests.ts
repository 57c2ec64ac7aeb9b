// @shipshape/core/plugin-manifests: the manifest readers the Nx plugins need only in some workspaces (a Python
// project with a pyproject.toml alone, a pnpm-workspace.yaml), required when one is found; see ./plugin.ts.
import { lazyModule } from './util/lazy-module';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the YAML parser (~0.1 s to load) for a pnpm workspace only
const yaml = lazyModule(() => require('./manifest/yaml') as typeof import('./manifest/yaml'));

/** core's parseYaml, loaded on the first call. */
export const parseYaml: typeof import('./manifest/yaml').parseYaml = (...args) => yaml().parseYaml(...args);
export { pyprojectDistributionName, pythonProjectName } from './facts/workspace/projects';
