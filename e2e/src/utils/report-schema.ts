// Validation of Shipshape's JSON audit report against its published JSON schema
// (audit-report.schema.json): the copy the installed @shipshape/core ships, else this repository's.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NAME = 'audit-report.schema.json';

function find(dir: string, depth: number): string | undefined {
  if (!existsSync(dir)) return undefined;
  const entries = readdirSync(dir).sort();
  if (entries.includes(NAME)) return join(dir, NAME);
  if (depth === 0) return undefined;
  for (const name of entries) {
    if (name === 'node_modules' || name === '__fixtures__') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const found = find(path, depth - 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The report schema: shipped in the workspace's node_modules/@shipshape/core, else in the repository's sources. */
export function reportSchemaPath(workspaceRoot: string, repoRoot: string): string {
  const path = find(join(workspaceRoot, 'node_modules', '@shipshape', 'core'), 4) ?? find(join(repoRoot, 'packages', 'core', 'src'), 3);
  if (!path) throw new Error(`no ${NAME} in the installed @shipshape/core nor in packages/core/src`);
  return path;
}

/** The schema errors of a JSON audit report (empty when it is valid). */
export function reportSchemaErrors(schemaPath: string, report: unknown): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  if (validate(report)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
