// The generators' and executors' schema.json files as a user meets them: through Nx's own option handling
// (the CLI, prompts, Nx Console), against core's options schema, and against the option tables of the docs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectsConfigurations } from '@nx/devkit';
import { DEFAULTS } from '@shipshape/core';
import { schemaProblems } from '@shipshape/core/testing';
import { combineOptionsForExecutor, combineOptionsForGenerator, getPromptsForSchema } from 'nx/src/utils/params';

interface JsonSchema {
  type?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema & { $default?: { $source?: string }; 'x-prompt'?: unknown; 'x-dropdown'?: string }>;
  required?: string[];
  [key: string]: unknown;
}

const packagesDir = join(__dirname, '../..');
const docsDir = join(packagesDir, '../docs');
const readSchema = (path: string): JsonSchema => JSON.parse(readFileSync(join(packagesDir, path), 'utf8')) as JsonSchema;
const pipelineSchema = (path: string) => readSchema(`pipeline/src/${path}/schema.json`);

/** A schema without what only people read (descriptions, Nx Console hints): what validates and defaults. */
function validating(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(validating);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== 'description' && !key.startsWith('x-'))
      .map(([key, value]) => [key, validating(value)]),
  );
}

/** The option table of a docs section (`| \`option\` | default | meaning |`): option → its default cell. */
function optionTable(doc: string, heading: string): Map<string, string> {
  const lines = readFileSync(join(docsDir, doc), 'utf8').split('\n');
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, '') === heading);
  if (start < 0) throw new Error(`docs/${doc} has no section "${heading}"`);
  const rows = new Map<string, string>();
  let fenced = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && /^#+ /.test(line)) break;
    const row = /^\| `([\w.]+)` \| ([^|]*) \|/.exec(line);
    if (!fenced && row) rows.set(row[1], row[2].trim());
  }
  return rows;
}

/** A default as the docs write it: `audit`, `5000000`, `false`. */
const documented = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

/** What users set, as opposed to what generators pass each other (`x-priority: internal`). */
const userOptions = (schema: JsonSchema) => Object.entries(schema.properties ?? {}).filter(([, p]) => p['x-priority'] !== 'internal');

const SECTIONS: Array<{ doc: string; heading: string; schemas: Array<[label: string, schema: JsonSchema]> }> = [
  {
    doc: 'configuration.md',
    heading: 'Configuration',
    schemas: [
      ["core's options", readSchema('core/src/config/options.schema.json')],
      ['the audit executor', pipelineSchema('executors/audit')],
      ['the init generator', pipelineSchema('generators/init')],
    ],
  },
  { doc: 'pipeline.md', heading: 'The plan file', schemas: [['the plan generator', pipelineSchema('generators/plan')]] },
  { doc: 'pipeline.md', heading: 'Phases', schemas: [['the phase generator', pipelineSchema('generators/phase')]] },
  { doc: 'pipeline.md', heading: 'Status', schemas: [['the status executor', pipelineSchema('executors/status')]] },
];

const PROJECTS: ProjectsConfigurations = {
  version: 2,
  projects: { '@ws/source': { root: '.' }, '@ws/money': { root: 'packages/money' }, '@ws/ledger': { root: 'packages/ledger' } },
};

describe('schema defaults and the docs', () => {
  it.each(SECTIONS.flatMap(({ doc, heading, schemas }) => schemas.map(([label, schema]) => [label, doc, heading, schema] as const)))(
    '%s: every option is in docs/%s (%s), with the default the schema gives',
    (_label, doc, heading, schema) => {
      const table = optionTable(doc, heading);
      for (const [name, property] of userOptions(schema)) {
        expect([name, table.has(name)]).toEqual([name, true]);
        if (property.default !== undefined) expect([name, table.get(name)]).toEqual([name, documented(property.default)]);
      }
    },
  );

  it.each(SECTIONS.map(({ doc, heading, schemas }) => [doc, heading, schemas] as const))(
    'docs/%s (%s) documents no option that its schemas lack',
    (doc, heading, schemas) => {
      // A phase package's own section of the options (`deps`) is described by that package's options.schema.json.
      const sections = ['deps'];
      const known = new Set([...schemas.flatMap(([, schema]) => Object.keys(schema.properties ?? {})), ...sections]);
      expect([...optionTable(doc, heading).keys()].filter((name) => !known.has(name))).toEqual([]);
    },
  );

  it("holds the audit executor's options to core's options schema: same types, values and defaults", () => {
    const core = readSchema('core/src/config/options.schema.json').properties ?? {};
    const audit = pipelineSchema('executors/audit').properties ?? {};
    for (const [name, property] of Object.entries(audit).filter(([name]) => name !== 'updateBaseline'))
      expect([name, validating(property)]).toEqual([name, validating(core[name])]);
  });

  it('gives the defaults core uses', () => {
    const core = readSchema('core/src/config/options.schema.json').properties ?? {};
    const status = pipelineSchema('executors/status').properties ?? {};
    expect(
      [core.targetName, core.statusTargetName, core.failOn, core.baselineFile, core.reportsDir, core.maxFileBytes].map((p) => p.default),
    ).toEqual([
      DEFAULTS.targetName,
      DEFAULTS.statusTargetName,
      DEFAULTS.failOn,
      DEFAULTS.baselineFile,
      DEFAULTS.reportsDir,
      DEFAULTS.maxFileBytes,
    ]);
    expect([status.reportsDir, status.outputDir, status.historyFile, status.auditTargetName].map((p) => p.default)).toEqual([
      DEFAULTS.reportsDir,
      DEFAULTS.statusDir,
      DEFAULTS.historyFile,
      DEFAULTS.targetName,
    ]);
  });

  it("agrees with the schema.d.ts files (the audit executor's extends core's options, held to core's schema above)", () => {
    const problems = schemaProblems({
      packageRoot: join(packagesDir, 'pipeline'),
      checks: [],
      fixture: '',
      checkFixtures: {},
      generatorRuns: {},
    });
    expect(problems.filter((problem) => !problem.startsWith('executor audit:'))).toEqual([]);
  });
});

describe('the schemas through Nx', () => {
  const generatorOptions = (schema: JsonSchema, given: Record<string, unknown>, interactive = false) =>
    combineOptionsForGenerator(given, '@shipshape/pipeline', 'plan', PROJECTS, {}, schema as never, interactive, '@ws/source', '', false);

  it("takes plan's projects as a list: --projects=a,b from the command line, an array from Nx Console", async () => {
    const schema = pipelineSchema('generators/plan');
    expect(schema.properties?.projects).toMatchObject({ type: 'array', items: { type: 'string' }, 'x-dropdown': 'projects' });
    expect(await generatorOptions(schema, { start: '2026-12-07', projects: 'money,@ws/ledger' })).toMatchObject({
      projects: ['money', '@ws/ledger'],
    });
    expect(await generatorOptions(schema, { start: '2026-12-07', projects: ['money', 'ledger'] })).toMatchObject({
      projects: ['money', 'ledger'],
    });
  });

  it("types the audit executor's ignore rules and check severities, so Nx refuses a wrong one before the audit runs", () => {
    const schema = pipelineSchema('executors/audit');
    const options = (given: Record<string, unknown>) =>
      combineOptionsForExecutor(given, '', { executor: '@shipshape/pipeline:audit' }, schema as never, '@ws/money', '', false);
    expect(options({ ignore: [{ check: 'deps/unused-dependency', file: 'src/**', reason: 'loaded by plugins' }] })).toMatchObject({
      ignore: [{ check: 'deps/unused-dependency', reason: 'loaded by plugins' }],
    });
    expect(() => options({ ignore: [{ check: 'deps/unused-dependency' }] })).toThrow("Required property 'reason' is missing");
    expect(() => options({ ignore: [{ check: 'deps/unused-dependency', reason: 'x', files: 'a' }] })).toThrow(/files/);
    expect(options({ checks: { 'deps/unused-dependency': 'off', 'structure/barrels': 'info' } })).toBeDefined();
    expect(() => options({ checks: { 'deps/unused-dependency': 'fatal' } })).toThrow(/fatal/);
  });
});

/** The generators of the published phase packages that take a project, as their generators.json lists them. */
const generatorsWithProject = (required: boolean) =>
  ['structure', 'deps', 'pipeline'].flatMap((name) => {
    const collection = JSON.parse(readFileSync(join(packagesDir, name, 'generators.json'), 'utf8')) as {
      generators: Record<string, { schema: string }>;
    };
    return Object.entries(collection.generators)
      .map(([generator, { schema }]) => ({
        label: `${name}:${generator}`,
        schema: readSchema(join(name, schema.replace(/^\.\/dist\//, 'src/'))),
      }))
      .filter(({ schema }) => schema.properties?.project && (schema.required ?? []).includes('project') === required)
      .map(({ label, schema }) => [label, schema] as const);
  });
const PROJECT_GENERATORS = generatorsWithProject(true);
const PHASE_GENERATORS = generatorsWithProject(false);

describe('generators run without --project', () => {
  it('covers the generators of structure and deps', () => {
    expect(PROJECT_GENERATORS.map(([label]) => label)).toEqual(expect.arrayContaining(['structure:metadata', 'deps:prune']));
    expect(PHASE_GENERATORS.map(([label]) => label).sort()).toEqual(['deps:phase', 'structure:phase']);
  });

  it.each(PROJECT_GENERATORS)('%s never takes the project Nx runs in (the root project at the workspace root)', (_label, schema) => {
    expect(schema.properties?.project?.$default).toBeUndefined();
  });

  it.each(PROJECT_GENERATORS)('%s asks, with the list of projects, in a terminal', (_label, schema) => {
    const [question] = getPromptsForSchema({}, structuredClone(schema) as never, PROJECTS) as Array<{
      name: string;
      type: string;
      choices: string[];
    }>;
    expect(question).toMatchObject({ name: 'project', type: 'autocomplete', choices: Object.keys(PROJECTS.projects) });
  });

  it.each(PROJECT_GENERATORS)('%s names the missing option when nothing can ask (CI)', async (_label, schema) => {
    await expect(
      combineOptionsForGenerator({}, '@shipshape/x', 'x', PROJECTS, {}, schema as never, false, '@ws/source', '', false),
      // Nx's SchemaError is not an Error: its message is what the CLI prints.
    ).rejects.toMatchObject({ message: "Required property 'project' is missing" });
  });

  it.each(PHASE_GENERATORS)(
    '%s runs on every enrolled project without --project, and never on the root project',
    async (_label, schema) => {
      const options = await combineOptionsForGenerator(
        {},
        '@shipshape/x',
        'phase',
        PROJECTS,
        {},
        schema as never,
        false,
        '@ws/source',
        '',
        false,
      );
      expect(options).not.toHaveProperty('project');
    },
  );
});
