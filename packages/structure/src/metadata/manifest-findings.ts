import { documentStart, locateJson, locateToml, type FindingInput, type ManifestText } from '@shipshape/core';

/** A finding about `path` of a package.json: at its key when it is there, else at the document's opening brace. */
export function packageJsonFinding(
  manifest: ManifestText<unknown>,
  path: (string | number)[],
  message: string,
  key = path.join('.'),
): FindingInput {
  const at = locateJson(manifest.text, path) ?? documentStart(manifest.text);
  return { message, file: manifest.path, key, ...at };
}

/** A finding about `path` of a pyproject.toml: at its key, else at the closest table that exists, else line 1. */
export function pyprojectFinding(manifest: ManifestText<unknown>, path: string[], message: string, key = path.join('.')): FindingInput {
  for (let length = path.length; length > 0; length--) {
    const at = locateToml(manifest.text, path.slice(0, length));
    if (at) return { message, file: manifest.path, key, ...at };
  }
  return { message, file: manifest.path, key, line: 1, column: 1 };
}
