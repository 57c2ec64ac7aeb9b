import { basename } from 'node:path';
import { parseToml } from '@shipshape/core';

/** The distribution name; a malformed pyproject.toml falls back to the folder name and the audit reports it. */
export function pythonProjectName(content: string, root: string): string {
  try {
    const data = parseToml<{ project?: { name?: unknown } }>(content, root);
    if (typeof data.project?.name === 'string' && data.project.name) return data.project.name;
  } catch {
    // the audit's metadata check reports the malformed file with its line
  }
  return basename(root);
}
