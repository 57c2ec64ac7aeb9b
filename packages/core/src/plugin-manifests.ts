// @shipshape/core/plugin-manifests: the manifest readers the Nx plugins need only in some workspaces (a Python
// project with a pyproject.toml alone, a pnpm-workspace.yaml), required when one is found; see ./plugin.ts.
export { parseYaml } from './manifest/yaml';
export { pythonProjectName } from './facts/workspace/projects';
