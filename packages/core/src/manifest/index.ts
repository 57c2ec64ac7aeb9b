export type { ManifestText } from './manifest-text';
export type { Position } from './position';
export { detectEol, detectIndent } from './format';
export { editJson, locateJson, parseJson, readJsonFile, type JsonEdit } from './json';
export { editToml, parseToml, readTomlFile, type TomlEdit } from './toml';
export { locateToml } from './toml-locate';
export { editYaml, locateYaml, parseYaml, type YamlEdit } from './yaml';
export { parseJsonWithComments } from './jsonc';
