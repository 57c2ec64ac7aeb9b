// Validation of SARIF logs against the official OASIS SARIF 2.1.0 JSON schema. No npm package ships
// it; this repository vendors the unmodified file (packages/core/src/reporters/__fixtures__), and
// the e2e suites use the same file. It declares JSON Schema draft-04, hence ajv-draft-04.
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMA_FILE = /^sarif-schema-2\.1\.0(\.[\w-]+)*\.json$/;
const VENDORED = join('packages', 'core', 'src', 'reporters', '__fixtures__', 'sarif-schema-2.1.0.json');

function findFile(dir: string, depth: number): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return undefined;
  }
  const hit = entries.find((name) => SCHEMA_FILE.test(name));
  if (hit) return join(dir, hit);
  if (depth === 0) return undefined;
  for (const name of entries.sort()) {
    if (name === '.bin' || name === '.cache' || name.startsWith('.package-lock')) continue;
    const path = join(dir, name);
    try {
      if (!statSync(path).isDirectory()) continue;
    } catch {
      continue;
    }
    const found = findFile(path, depth - 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Path of the SARIF 2.1.0 schema: $SHIPSHAPE_SARIF_SCHEMA, else the copy vendored in this
 * repository, else the first `sarif-schema-2.1.0*.json` in its node_modules.
 */
export function sarifSchemaPath(repoRoot: string): string {
  const fromEnv = process.env.SHIPSHAPE_SARIF_SCHEMA;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (existsSync(join(repoRoot, VENDORED))) return join(repoRoot, VENDORED);
  const found = findFile(join(repoRoot, 'node_modules'), 4);
  if (!found) {
    throw new Error(
      `no SARIF 2.1.0 schema: neither ${VENDORED} nor a sarif-schema-2.1.0*.json in node_modules (set SHIPSHAPE_SARIF_SCHEMA)`,
    );
  }
  return found;
}

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params: unknown }[] | null };
let validator: Validate | undefined;

/** The schema errors of a SARIF log (empty when it is valid). */
export function sarifSchemaErrors(repoRoot: string, log: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(sarifSchemaPath(repoRoot), 'utf8'));
    // Not strict: strict mode rejects keyword idioms of the official schema itself (e.g.
    // `anyOf: [{ required: [...] }]`), which are not what is under test.
    const options = { strict: false, allErrors: true };
    const ajv = /draft-04/.test(String(schema.$schema ?? '')) ? new AjvDraft04(options) : new Ajv(options);
    addFormats(ajv);
    validator = ajv.compile(schema) as Validate;
  }
  if (validator(log)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
