import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLINT_CONFIGS } from './boundary-rule';

/** The workspace's root ESLint flat config: its name and text, when there is one. */
export function rootEslintConfig(read: (path: string) => string | undefined): { file: string; text: string } | undefined {
  for (const file of ESLINT_CONFIGS) {
    const text = read(file);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

export const readFromDisk = (workspaceRoot: string) => (path: string) => (existsSync(join(workspaceRoot, path)) ? readFileSync(join(workspaceRoot, path), 'utf8') : undefined);
