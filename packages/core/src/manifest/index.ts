export type { ManifestText } from './manifest-text';
export type { Position } from './position';
export { detectEol, detectIndent } from './format';
export { editJson, locateJson, parseJson, readJsonFile, timesWritten, type JsonEdit } from './json';
export { kindOf, shownValue, type ValueKind } from './value-kind';
export { editToml, parseToml, readTomlFile, type TomlEdit } from './toml';
export { locateToml } from './toml-locate';
export { editYaml, locateYaml, parseYaml, type YamlEdit } from './yaml';
export { parseJsonWithComments } from './jsonc';
