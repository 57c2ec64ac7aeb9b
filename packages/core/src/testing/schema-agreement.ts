import { readFileSync } from 'node:fs';
import { ts } from 'ts-morph';

export interface SchemaProperty {
  name: string;
  required: boolean;
  /** JSON schema type, or the TypeScript type's text. */
  type: string;
}

/** The properties a generator's or executor's schema.json declares. */
export function jsonSchemaProperties(path: string): SchemaProperty[] {
  const schema = JSON.parse(readFileSync(path, 'utf8')) as {
    properties?: Record<string, { type?: string | string[]; enum?: unknown[] }>;
    required?: string[];
  };
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    required: required.has(name),
    type: Array.isArray(property.type) ? property.type.join('|') : (property.type ?? (property.enum ? 'enum' : 'any')),
  }));
}

/** The properties of the interface a schema.d.ts exports (the first one, or the one named). */
export function declarationProperties(path: string, interfaceName?: string): SchemaProperty[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && (!interfaceName || s.name.text === interfaceName),
  );
  if (!declaration) return [];
  return declaration.members.flatMap((member) => {
    if (!ts.isPropertySignature(member) || !member.name) return [];
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(source);
    return [{ name, required: !member.questionToken, type: member.type?.getText(source) ?? 'any' }];
  });
}

const TS_OF_JSON: Record<string, RegExp> = {
  string: /^(string|'[^']*'( \| '[^']*')*|"[^"]*"( \| "[^"]*")*)$/,
  boolean: /^boolean$/,
  number: /^number$/,
  integer: /^number$/,
  array: /\[\]$|^Array</,
  object: /^(Record<|\{|[A-Z])/,
};

/** Where a schema.json and its schema.d.ts disagree: a property in one only, a different optionality, an incompatible type. */
export function schemaDisagreements(jsonPath: string, declarationPath: string): string[] {
  const json = jsonSchemaProperties(jsonPath);
  const declared = declarationProperties(declarationPath);
  const problems: string[] = [];
  for (const property of json) {
    const twin = declared.find((d) => d.name === property.name);
    if (!twin) {
      problems.push(`"${property.name}" is in schema.json but not in schema.d.ts`);
      continue;
    }
    // A property with a default may be optional in the types even when the prompt makes it required.
    if (property.required && !twin.required) problems.push(`"${property.name}" is required in schema.json but optional in schema.d.ts`);
    if (!property.required && twin.required) problems.push(`"${property.name}" is optional in schema.json but required in schema.d.ts`);
    const pattern = TS_OF_JSON[property.type];
    if (pattern && !pattern.test(twin.type))
      problems.push(`"${property.name}" is ${property.type} in schema.json but ${twin.type} in schema.d.ts`);
  }
  for (const property of declared)
    if (!json.some((j) => j.name === property.name)) problems.push(`"${property.name}" is in schema.d.ts but not in schema.json`);
  return problems;
}
