/**
 * The bad-input corpus of core: options, path options, baselines, files read back, atomic writes, nx.json, the
 * plan, manifest edits, file listing and parsing, Python wrappers and the generators' lock. Every case states its
 * exact outcome: one message naming the file and the problem (and the file left byte for byte as it was), or the
 * right result. docs/reliability.md lists them.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { transformFileSync } from '@swc/core';
import { ts } from 'ts-morph';
import { findPython } from './adapters/python/find-python';
import { analyzePython } from './adapters/python/python-adapter';
import { auditProject } from './audit/audit-project';
import { DEFAULT_OPTIONS, resolveOptions } from './config/options';
import { parsePlan } from './facts/workspace/plan';
import { projectListing } from './facts/project/files';
import { typescriptSources } from './facts/project/typescript';
import { unparsedTypescript } from './facts/project/parsed-sources';
import { defineFixGenerator } from './generators/fix-generator';
import { acquireWorkspaceLock, lockPath } from './generators/workspace-lock';
import { editJson, editToml, editYaml, parseJson, parseToml, parseYaml } from './manifest';
import { defineCheck } from './model/check';
import { readProjectOptions } from './nx/tree-options';
import { registerNxPlugin } from './nx/register-plugin';
import { diskProject } from './testing/projects';
import { tempWorkspace } from './testing/temp-workspace';
import { writeFileAtomic } from './util/atomic-write';
import { readUserFile } from './util/read-user-file';
import { errorMessage, isShipshapeError } from './util/errors';

// The module object every module of the run shares (a namespace import would be a copy), so that a spy reaches atomic-write.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const fs = require('node:fs') as typeof import('node:fs');

const posix = process.platform !== 'win32';
const posixIt = posix ? it : it.skip;

/** The message of what `run` throws, checked to be a ShipshapeError (printed alone, without a stack trace). */
function userError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (!isShipshapeError(error)) throw new Error(`not a ShipshapeError: ${errorMessage(error)}`, { cause: error });
    return error.message;
  }
  throw new Error('expected an error');
}

async function userRejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (!isShipshapeError(error)) throw new Error(`not a ShipshapeError: ${errorMessage(error)}`, { cause: error });
    return error.message;
  }
  throw new Error('expected a rejection');
}

/** Every file under `dir` with its bytes, to compare a folder before and after. */
function snapshotOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) files[path] = `-> ${readlinkSync(path)}`;
      else if (stat.isDirectory()) walk(path);
      else files[path] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return files;
}

const note = defineCheck({
  id: 'x/note',
  title: 'note',
  planItem: 'structure/package-metadata',
  languages: ['typescript'],
  severity: 'error',
  run: (project) => [{ message: 'note', file: project.file('package.json'), key: 'note' }],
});

describe('options', () => {
  it.each([
    ['an unknown key', { colour: 'red' }, 'unknown option "colour"'],
    ['a key in the wrong case', { failon: 'error' }, 'unknown option "failon" (did you mean "failOn"?)'],
    ['a key one letter off', { reportDir: 'out' }, 'unknown option "reportDir" (did you mean "reportsDir"?)'],
    ['a number as text', { maxFileBytes: '5MB' }, '"maxFileBytes" must be integer'],
    ['a value outside its list', { failOn: 'fatal' }, '"failOn" must be one of "info", "warning", "error", "never"'],
    ['a size below the minimum', { maxFileBytes: 100 }, '"maxFileBytes" must be >= 1024'],
    ['a check set to an unknown severity', { checks: { 'x/y': 'loud' } }, '"checks.x/y" must be one of "off", "info", "warning", "error"'],
    ['an ignore rule without its reason', { ignore: [{ check: 'x/y' }] }, `"ignore.0" must have required property 'reason'`],
    ['a list given as text', { projects: { include: 'libs/*' } }, '"projects.include" must be array'],
    ['a path of the wrong type', { python: 3 }, '"python" must be string'],
    ['options that are not an object', 'strict', 'the options must be object'],
  ])('%s: one message naming where the options are', (_label, options, problem) => {
    expect(userError(() => resolveOptions(options, 'nx.json (plugin "@shipshape/pipeline" options)'))).toBe(
      `invalid Shipshape options in nx.json (plugin "@shipshape/pipeline" options): ${problem}`,
    );
  });
});

describe('path options', () => {
  const ws = tempWorkspace({ 'libs/a/package.json': '{"name":"a"}\n' });
  const outside = tempWorkspace({ 'kept.json': '{"version": 1, "findings": []}\n' });
  afterAll(() => {
    ws.remove();
    outside.remove();
  });
  const audit = (options: object, updateBaseline = false) =>
    auditProject({
      workspaceRoot: ws.root,
      projectName: 'a',
      projectRoot: 'libs/a',
      options,
      optionsSource: 'project.json',
      checks: [note],
      sections: [],
      updateBaseline,
    });

  it('reportsDir "../<sibling>": refused, nothing written next to the workspace', async () => {
    // a sibling named after this workspace: nothing else on the machine can have made it
    const sibling = `../${basename(ws.root)}-reports`;
    expect(await userRejection(audit({ reportsDir: sibling }))).toBe(
      `the reportsDir option "${sibling}" is outside the workspace (${ws.root}); give a path inside it`,
    );
    expect(existsSync(join(ws.root, sibling))).toBe(false);
  });

  it('reportsDir an absolute path elsewhere: refused, nothing written there', async () => {
    expect(await userRejection(audit({ reportsDir: join(outside.root, 'reports') }))).toBe(
      `the reportsDir option "${join(outside.root, 'reports')}" is outside the workspace (${ws.root}); give a path inside it`,
    );
    expect(existsSync(join(outside.root, 'reports'))).toBe(false);
  });

  it('reportsDir an absolute path inside the workspace: the reports go there', async () => {
    const { files } = await audit({ reportsDir: join(ws.root, 'out/{projectRoot}') });
    expect(files.json).toBe(join(ws.root, 'out/libs/a/audit.json'));
    expect(JSON.parse(readFileSync(files.json, 'utf8')).findings).toHaveLength(1);
  });

  posixIt('reportsDir through a symbolic link that points outside: refused, nothing written outside', async () => {
    symlinkSync(outside.root, join(ws.root, 'escape'));
    const before = snapshotOf(outside.root);
    expect(await userRejection(audit({ reportsDir: 'escape/reports' }))).toBe(
      `the reportsDir option "escape/reports" leads outside the workspace through a symbolic link (to ${join(fs.realpathSync(outside.root), 'reports')}); give a path inside it`,
    );
    expect(snapshotOf(outside.root)).toEqual(before);
  });

  posixIt('baselineFile a symbolic link to a file outside: refused when reading and when writing; the file is untouched', async () => {
    symlinkSync(join(outside.root, 'kept.json'), join(ws.root, 'libs/a/linked-baseline.json'));
    const before = snapshotOf(outside.root);
    const message = `the baselineFile option "linked-baseline.json" leads outside the workspace through a symbolic link (to ${join(fs.realpathSync(outside.root), 'kept.json')}); give a path inside it`;
    expect(await userRejection(audit({ baselineFile: 'linked-baseline.json' }))).toBe(message);
    expect(await userRejection(audit({ baselineFile: 'linked-baseline.json' }, true))).toBe(message);
    expect(snapshotOf(outside.root)).toEqual(before);
  });

  posixIt('baselineFile a symbolic link inside the workspace: --update-baseline writes its target and the link stays', async () => {
    ws.write({ 'shared/baseline.json': '{"version": 1, "findings": []}\n' });
    symlinkSync('../../shared/baseline.json', join(ws.root, 'libs/a/shared-baseline.json'));
    await audit({ baselineFile: 'shared-baseline.json' }, true);
    expect(lstatSync(join(ws.root, 'libs/a/shared-baseline.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(ws.root, 'shared/baseline.json'), 'utf8')).findings).toHaveLength(1);
  });

  it('baselineFile a folder: one error naming it, the gate fails, the folder is untouched', async () => {
    ws.write({ 'libs/a/as-folder/keep.txt': 'mine\n' });
    const before = snapshotOf(join(ws.root, 'libs/a/as-folder'));
    const { report } = await audit({ baselineFile: 'as-folder' });
    expect(report.problems).toEqual([{ kind: 'error', file: 'libs/a/as-folder', message: 'libs/a/as-folder: is a folder, not a file' }]);
    expect(report.summary.passed).toBe(false);
    expect(snapshotOf(join(ws.root, 'libs/a/as-folder'))).toEqual(before);
  });

  it('baselineFile a folder with --update-baseline: one error naming it, nothing written', async () => {
    const before = snapshotOf(join(ws.root, 'libs/a/as-folder'));
    expect(await userRejection(audit({ baselineFile: 'as-folder' }, true))).toBe(
      'libs/a/as-folder: is a folder, not a file: cannot write it',
    );
    expect(snapshotOf(join(ws.root, 'libs/a/as-folder'))).toEqual(before);
  });

  it('a report path taken by a folder: one error naming it, and none of the three reports is rewritten', async () => {
    ws.write({ 'held/libs/a/audit.json': 'old json\n', 'held/libs/a/audit.sarif/keep.txt': 'mine\n' });
    const before = snapshotOf(join(ws.root, 'held'));
    expect(await userRejection(audit({ reportsDir: 'held/{projectRoot}' }))).toBe(
      'held/libs/a/audit.sarif: is a folder, not a file: cannot write the audit reports; nothing was written',
    );
    expect(snapshotOf(join(ws.root, 'held'))).toEqual(before);
  });
});

describe('baseline files', () => {
  const ws = tempWorkspace({ 'libs/a/package.json': '{"name":"a"}\n' });
  afterAll(() => ws.remove());
  const baselinePath = join(ws.root, 'libs/a/.shipshape-baseline.json');
  const audit = () =>
    auditProject({
      workspaceRoot: ws.root,
      projectName: 'a',
      projectRoot: 'libs/a',
      options: {},
      optionsSource: 'project.json',
      checks: [note],
      sections: [],
    });
  let fingerprint: string;
  beforeAll(async () => {
    fingerprint = (await audit()).report.findings[0].fingerprint;
  });

  it('with a BOM and CRLF line endings: read as written, the finding is accepted', async () => {
    const text = `\ufeff{\r\n  "version": 1,\r\n  "findings": [\r\n    {"fingerprint": "${fingerprint}", "checkId": "x/note", "file": "libs/a/package.json", "message": "note"}\r\n  ]\r\n}\r\n`;
    writeFileSync(baselinePath, text);
    const { report } = await audit();
    expect(report.problems).toEqual([]);
    expect(report.findings.map((f) => f.status)).toEqual(['baseline']);
    expect(report.summary.passed).toBe(true);
    expect(readFileSync(baselinePath, 'utf8')).toBe(text);
  });

  it.each([
    [
      'truncated JSON',
      '{"version": 1, "findings": [{"fingerprint": "ab',
      'the baseline is not valid JSON (Unterminated string in JSON at position 47); fix it or rewrite it with --update-baseline',
    ],
    ['an empty file', '', 'the baseline is not valid JSON (Unexpected end of JSON input); fix it or rewrite it with --update-baseline'],
    [
      'another version',
      '{"version": 2, "findings": []}\n',
      'not a Shipshape baseline (expected {"version": 1, "findings": [...]}); rewrite it with --update-baseline',
    ],
    [
      'entries without a fingerprint',
      '{"version": 1, "findings": [{"checkId": "x/note"}]}\n',
      'not a Shipshape baseline (expected {"version": 1, "findings": [...]}); rewrite it with --update-baseline',
    ],
  ])('%s: one error naming the file, every finding is new, the file stays as it was', async (_label, text, problem) => {
    writeFileSync(baselinePath, text);
    const { report } = await audit();
    expect(report.problems).toEqual([
      { kind: 'error', file: 'libs/a/.shipshape-baseline.json', message: `libs/a/.shipshape-baseline.json: ${problem}` },
    ]);
    expect(report.findings.map((f) => f.status)).toEqual(['new']);
    expect(report.summary.passed).toBe(false);
    expect(readFileSync(baselinePath, 'utf8')).toBe(text);
  });
});

describe('files read back (readUserFile: the baseline, the history, audit.json for the status)', () => {
  const ws = tempWorkspace({ 'shipshape-history.jsonl/keep.txt': 'mine\n', 'bom.jsonl': '\ufeff{"a": 1}\r\n{"a": 2}\r\n' });
  afterAll(() => ws.remove());

  it('a folder where the file should be: one error naming it, the folder untouched', () => {
    expect(userError(() => readUserFile(join(ws.root, 'shipshape-history.jsonl'), 'shipshape-history.jsonl'))).toBe(
      'shipshape-history.jsonl: is a folder, not a file',
    );
    expect(readFileSync(join(ws.root, 'shipshape-history.jsonl/keep.txt'), 'utf8')).toBe('mine\n');
  });

  it('a byte-order mark and CRLF line endings: the text without the mark, its lines as written', () => {
    expect(readUserFile(join(ws.root, 'bom.jsonl'))).toBe('{"a": 1}\r\n{"a": 2}\r\n');
  });

  it('missing: nothing to read, no error', () => {
    expect(readUserFile(join(ws.root, 'libs/a/audit.json'))).toBeUndefined();
  });
});

/**
 * Core's modules compiled to CommonJS in a folder of their own, so that another process (a second generator, an
 * interrupted writer) runs the same code as the test.
 */
function compiledCore(modules: string[]): string {
  const out = fs.mkdtempSync(join(tmpdir(), 'shipshape-compiled-'));
  for (const module of modules) {
    const { code } = transformFileSync(join(__dirname, `${module}.ts`), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    mkdirSync(dirname(join(out, `${module}.js`)), { recursive: true });
    writeFileSync(join(out, `${module}.js`), code);
  }
  return out;
}

function run(script: string, args: string[] = []): { exited: Promise<number | null>; kill: () => void; output: () => string } {
  const child = spawn(process.execPath, ['-e', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    exited: new Promise((resolve) => child.on('close', resolve)),
    kill: () => child.kill('SIGKILL'),
    output: () => output,
  };
}

describe('atomic writes', () => {
  const ws = tempWorkspace({ 'report.json': 'the old report\n' });
  const compiled = compiledCore(['util/atomic-write', 'util/errors']);
  afterAll(() => {
    ws.remove();
    rmSync(compiled, { recursive: true, force: true });
  });
  const target = join(ws.root, 'report.json');
  const leftovers = () => readdirSync(ws.root).filter((name) => name.endsWith('.tmp'));
  beforeEach(() => writeFileSync(target, 'the old report\n'));

  it('the target is a folder: one error naming it, the folder untouched', () => {
    ws.write({ 'taken/inside.txt': 'mine\n' });
    expect(userError(() => writeFileAtomic(join(ws.root, 'taken'), 'new', 'taken'))).toBe(
      'taken: is a folder, not a file: cannot write it',
    );
    expect(readFileSync(join(ws.root, 'taken/inside.txt'), 'utf8')).toBe('mine\n');
  });

  it('the disk fills up halfway through: the old file is intact, no temporary file is left', () => {
    const real = fs.writeFileSync;
    const full = jest.spyOn(fs, 'writeFileSync').mockImplementation((path, data) => {
      real(path, (typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString()).slice(0, 3));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    try {
      expect(userError(() => writeFileAtomic(target, 'the new report, longer\n', 'report.json'))).toBe(
        'report.json: cannot be written (ENOSPC); it is left as it was',
      );
    } finally {
      full.mockRestore();
    }
    expect(readFileSync(target, 'utf8')).toBe('the old report\n');
    expect(leftovers()).toEqual([]);
  });

  it('the rename is refused: the old file is intact, no temporary file is left', () => {
    const refused = jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
    });
    try {
      expect(userError(() => writeFileAtomic(target, 'the new report\n', 'report.json'))).toBe(
        'report.json: cannot be written (EPERM); it is left as it was',
      );
    } finally {
      refused.mockRestore();
    }
    expect(readFileSync(target, 'utf8')).toBe('the old report\n');
    expect(leftovers()).toEqual([]);
  });

  it('the writing process is killed mid-write: the old file is intact', async () => {
    const writer = run(
      `const { writeFileAtomic } = require(process.argv[1]);
       const big = Buffer.alloc(400 * 1024 * 1024, 'x');
       writeFileAtomic(process.argv[2], big);`,
      [join(compiled, 'util/atomic-write.js'), target],
    );
    // Killed once the new content is partly on disk.
    while (!leftovers().some((name) => fs.statSync(join(ws.root, name)).size > 0)) await new Promise((resolve) => setTimeout(resolve, 5));
    writer.kill();
    await writer.exited;
    expect(readFileSync(target, 'utf8')).toBe('the old report\n');
    expect(leftovers()).toHaveLength(1);
    for (const name of leftovers()) rmSync(join(ws.root, name));
  });
});

describe('nx.json', () => {
  const source = (files: Record<string, string>) => ({ read: (path: string) => files[path] });

  it('missing: the defaults', () => {
    expect(readProjectOptions(source({}), 'libs/a')).toEqual(DEFAULT_OPTIONS);
  });

  it('with a BOM and comments: its options are read', () => {
    const nxJson = '\ufeff{\n  // ours\n  "plugins": [{"plugin": "@shipshape/pipeline", "options": {"failOn": "warning"}}],\n}\n';
    expect(readProjectOptions(source({ 'nx.json': nxJson }), 'libs/a').failOn).toBe('warning');
  });

  it.each([
    ['malformed', '{\n  "plugins": [\n}\n', 'nx.json: invalid JSON at line 3, column 1: value expected'],
    [
      '"plugins" an object',
      '{"plugins": {"@shipshape/pipeline": {}}}',
      'nx.json: "plugins" must be a list, not {"@shipshape/pipeline":{}}',
    ],
    [
      'the plugin options of the wrong type',
      '{"plugins": [{"plugin": "@shipshape/pipeline", "options": {"failOn": 2}}]}',
      'invalid Shipshape options in nx.json (plugin "@shipshape/pipeline" options): "failOn" must be string; "failOn" must be one of "info", "warning", "error", "never"',
    ],
  ])('%s: one message naming nx.json', (_label, nxJson, message) => {
    expect(userError(() => readProjectOptions(source({ 'nx.json': nxJson }), 'libs/a'))).toBe(message);
  });

  it('registering the plugin in a malformed nx.json: one message, nx.json untouched', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('nx.json', '{"plugins": [}');
    expect(userError(() => registerNxPlugin(tree, '@shipshape/pipeline'))).toBe(
      'nx.json: invalid JSON at line 1, column 14: value expected',
    );
    expect(tree.read('nx.json', 'utf-8')).toBe('{"plugins": [}');
  });

  it('registering the plugin without nx.json: one message, nothing written', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.delete('nx.json');
    expect(userError(() => registerNxPlugin(tree, '@shipshape/pipeline'))).toBe(
      'no nx.json at the workspace root; run this in an Nx workspace',
    );
    expect(tree.exists('nx.json')).toBe(false);
  });
});

describe('the plan file', () => {
  const plan = (fields: object) => JSON.stringify({ version: 1, start: '2026-12-07', projects: ['a'], weeks: [], ...fields });

  it.each([
    ['malformed JSON', '{"version": 1,,}', 'invalid JSON at line 1, column 15: property name expected'],
    ['a list, not an object', '[]', 'the plan must be a JSON object'],
    ['another version', plan({ version: 2 }), '"version" must be 1'],
    [
      'a start date that does not exist',
      plan({ start: '2026-02-30' }),
      '"start" "2026-02-30" is not a date; write it as YYYY-MM-DD, e.g. 2026-12-07',
    ],
    [
      'a start date in another format',
      plan({ start: '07/12/2026' }),
      '"start" "07/12/2026" is not a date; write it as YYYY-MM-DD, e.g. 2026-12-07',
    ],
    ['a start date as a number', plan({ start: 20261207 }), '"start" must be a date (YYYY-MM-DD)'],
    ['projects as text', plan({ projects: 'a,b' }), '"projects" must be a list of project names'],
    [
      'an unknown time zone',
      plan({ timeZone: 'Mars/Olympus' }),
      '"timeZone" "Mars/Olympus" is not a known IANA time zone (e.g. Europe/Berlin)',
    ],
    ['weeks missing', plan({ weeks: undefined }), '"weeks" must be the list of the ten weeks'],
    [
      'a phase by name',
      plan({ weeks: [{ week: 1, phase: 'Foundation', items: [] }] }),
      '"weeks"[0]: week 1 is in phase 1, not "Foundation" (the schedule is fixed by the plan items; nx g @shipshape/pipeline:plan rewrites it)',
    ],
    [
      'an unknown plan item',
      plan({ weeks: [{ week: 1, phase: 1, items: ['structure/barrels', 'deps/everything'] }] }),
      '"weeks"[0]: "deps/everything" is not an item of the plan (the schedule is fixed by the plan items; nx g @shipshape/pipeline:plan rewrites it)',
    ],
    [
      'an item moved to another week',
      plan({ weeks: [{ week: 5, phase: 3, items: ['structure/barrels'] }] }),
      '"weeks"[0]: "structure/barrels" is planned for weeks 1-2, not week 5 (the schedule is fixed by the plan items; nx g @shipshape/pipeline:plan rewrites it)',
    ],
    [
      'a week past the tenth',
      plan({ weeks: [{ week: 11, phase: 5, items: [] }] }),
      '"weeks"[0]: "week" must be a week number from 1 to 10, not 11',
    ],
  ])('%s: one message naming shipshape-plan.json and the field', (_label, text, problem) => {
    expect(userError(() => parsePlan(text))).toBe(`shipshape-plan.json: ${problem}`);
  });

  it('with a BOM and CRLF line endings: read as written', () => {
    expect(parsePlan(`\ufeff${plan({ timeZone: 'Europe/Berlin' }).replace(/,/g, ',\r\n')}\r\n`)).toMatchObject({
      start: '2026-12-07',
      timeZone: 'Europe/Berlin',
      projects: ['a'],
    });
  });
});

describe('manifest edits keep what the user wrote', () => {
  it.each([
    [
      'CRLF and 4 spaces',
      '{\r\n    "name": "a",\r\n    "version": "1.0.0"\r\n}\r\n',
      [{ path: ['license'], value: 'MIT' }],
      '{\r\n    "name": "a",\r\n    "version": "1.0.0",\r\n    "license": "MIT"\r\n}\r\n',
    ],
    [
      'a byte-order mark',
      '\ufeff{\n  "name": "a"\n}\n',
      [{ path: ['license'], value: 'MIT' }],
      '\ufeff{\n  "name": "a",\n  "license": "MIT"\n}\n',
    ],
    [
      'tabs, for a nested object',
      '{\n\t"name": "a"\n}\n',
      [{ path: ['publishConfig'], value: { access: 'public' } }],
      '{\n\t"name": "a",\n\t"publishConfig": {\n\t\t"access": "public"\n\t}\n}\n',
    ],
    [
      'an inline array next to the edit',
      '{\n  "files": [1,2,3],\n  "name": "a"\n}\n',
      [{ path: ['license'], value: 'MIT' }],
      '{\n  "files": [1,2,3],\n  "name": "a",\n  "license": "MIT"\n}\n',
    ],
    [
      'an inline array that is edited',
      '{\n  "files": ["dist", "README.md"],\n  "name": "a"\n}\n',
      [{ path: ['files'], value: ['dist', 'README.md', 'LICENSE'] }],
      '{\n  "files": ["dist", "README.md", "LICENSE"],\n  "name": "a"\n}\n',
    ],
    [
      'comments and trailing commas (JSONC)',
      '{\n  // strict on purpose\n  "compilerOptions": {"strict": true,},\n  "include": ["src"], // sources\n}\n',
      [{ path: ['exclude'], value: ['dist'] }],
      '{\n  // strict on purpose\n  "compilerOptions": {"strict": true,},\n  "include": ["src"], // sources\n  "exclude": [\n    "dist"\n  ],\n}\n',
    ],
    [
      'a comment after the last property',
      '{\n  "name": "a" // the published name\n}\n',
      [{ path: ['license'], value: 'MIT' }],
      '{\n  "name": "a", // the published name\n  "license": "MIT"\n}\n',
    ],
  ])('editJson with %s', (_label, text, edits, expected) => {
    const result = editJson(text, edits, 'libs/a/package.json');
    expect(result).toBe(expected);
  });

  it.each([
    [
      'a key written twice',
      '{\n  "dependencies": {"a": "1"},\n  "dependencies": {"b": "2"}\n}\n',
      [{ path: ['dependencies', 'c'], value: '3' }],
      'libs/a/package.json: "dependencies" is written 2 times (npm reads the last one): keep one, nothing was written',
    ],
    [
      'a field of the wrong type',
      '{\n  "description": 42\n}\n',
      [{ path: ['description'], value: 'A library' }],
      'libs/a/package.json: "description" is a number (42), not a string: fix it by hand, nothing was written',
    ],
    [
      'a table of the wrong type',
      '{\n  "dependencies": ["a"]\n}\n',
      [{ path: ['dependencies', 'b'], value: '1' }],
      'libs/a/package.json: "dependencies" is a list (["a"]), not a table: fix it by hand, nothing was written',
    ],
    [
      'malformed JSON',
      '{\n  "name": "a",\n  "version":\n}\n',
      [{ path: ['license'], value: 'MIT' }],
      'libs/a/package.json: cannot edit invalid JSON at line 4, column 1: value expected',
    ],
  ])('editJson refuses %s, naming the file and the field', (_label, text, edits, message) => {
    expect(userError(() => editJson(text, edits, 'libs/a/package.json'))).toBe(message);
  });

  it.each([
    [
      'comments around the edited table',
      '# the package\n[project]\nname = "a" # published name\n\n# tools\n[tool.ruff]\nline-length = 100\n',
      [{ path: ['project', 'license'], value: 'MIT' }],
      '# the package\n[project]\nname = "a" # published name\nlicense = "MIT"\n\n# tools\n[tool.ruff]\nline-length = 100\n',
    ],
    [
      'literal strings, a multi-line string and a quoted key',
      '[project]\nname = \'a\'\ndescription = """\nTwo\nlines"""\n"weird.key" = 1\n',
      [{ path: ['project', 'version'], value: '1.0' }],
      '[project]\nname = \'a\'\ndescription = """\nTwo\nlines"""\n"weird.key" = 1\nversion = "1.0"\n',
    ],
    [
      'an inline array next to the edit',
      '[project]\nname = "a"\nkeywords = [1,2,3]\n',
      [{ path: ['project', 'license'], value: 'MIT' }],
      '[project]\nname = "a"\nkeywords = [1,2,3]\nlicense = "MIT"\n',
    ],
    [
      'CRLF line endings',
      '[project]\r\nname = "a"\r\n',
      [{ path: ['project', 'license'], value: 'MIT' }],
      '[project]\r\nname = "a"\r\nlicense = "MIT"\r\n',
    ],
    [
      'a byte-order mark',
      '\ufeff[project]\nname = "a"\n',
      [{ path: ['project', 'license'], value: 'MIT' }],
      '\ufeff[project]\nname = "a"\nlicense = "MIT"\n',
    ],
    [
      'a Poetry-only file, edited in its own table',
      '[tool.poetry]\nname = "a"\n\n[tool.poetry.dependencies]\npython = "^3.10"\n',
      [{ path: ['tool', 'poetry', 'dependencies', 'requests'], value: '^2.31' }],
      '[tool.poetry]\nname = "a"\n\n[tool.poetry.dependencies]\npython = "^3.10"\nrequests = "^2.31"\n',
    ],
  ])('editToml with %s', (_label, text, edits, expected) => {
    const result = editToml(text, edits, 'libs/py/pyproject.toml');
    expect(result).toBe(expected);
    expect(parseToml(result, 'pyproject.toml')).toBeDefined();
  });

  it.each([
    [
      'a list written as a string',
      '[project]\nname = "a"\ndependencies = "requests"\n',
      [{ path: ['project', 'dependencies'], value: ['requests>=2'] }],
      'libs/py/pyproject.toml: "project.dependencies" is a string ("requests"), not a list: fix it by hand, nothing was written',
    ],
    [
      'a key written twice',
      '[project]\nname = "a"\nname = "b"\n',
      [{ path: ['project', 'license'], value: 'MIT' }],
      'libs/py/pyproject.toml: cannot edit invalid TOML at line 3, column 1: value already defined for project.name',
    ],
  ])('editToml refuses %s, naming the file and the field', (_label, text, edits, message) => {
    expect(userError(() => editToml(text, edits, 'libs/py/pyproject.toml'))).toBe(message);
  });

  it.each([
    [
      'anchors and a merge key next to the edit',
      'defaults: &defaults\n  node: 20\njobs:\n  test:\n    <<: *defaults\n    run: npm test # fast\n',
      [{ path: ['jobs', 'test', 'run'], value: 'npm ci' }],
      'defaults: &defaults\n  node: 20\njobs:\n  test:\n    <<: *defaults\n    run: npm ci # fast\n',
    ],
    [
      'CRLF and 4 spaces',
      'jobs:\r\n    test:\r\n        runs-on: ubuntu-latest\r\n',
      [{ path: ['jobs', 'test', 'timeout-minutes'], value: 10 }],
      'jobs:\r\n    test:\r\n        runs-on: ubuntu-latest\r\n        timeout-minutes: 10\r\n',
    ],
    [
      'comments and a flow list',
      '# CI\non: [push, pull_request] # both\nname: ci\n',
      [{ path: ['name'], value: 'CI' }],
      '# CI\non: [push, pull_request] # both\nname: CI\n',
    ],
  ])('editYaml with %s', (_label, text, edits, expected) => {
    expect(editYaml(text, edits, '.github/workflows/ci.yml')).toBe(expected);
  });

  it.each([
    [
      'an edit through an alias',
      'defaults: &d\n  node: 20\nother: *d\n',
      [{ path: ['other', 'node'], value: 22 }],
      '.github/workflows/ci.yml: "other" is an alias of the anchor &d, shared with every other use of it: edit it by hand, nothing was written',
    ],
    [
      'a key written twice',
      'name: a\nname: b\n',
      [{ path: ['on'], value: 'push' }],
      '.github/workflows/ci.yml: cannot edit invalid YAML at line 2, column 1: Map keys must be unique',
    ],
    [
      'a field of the wrong type',
      'on: push\n',
      [{ path: ['on', 'pull_request'], value: {} }],
      '.github/workflows/ci.yml: "on" is a string ("push"), not a table: fix it by hand, nothing was written',
    ],
  ])('editYaml refuses %s, naming the file', (_label, text, edits, message) => {
    expect(userError(() => editYaml(text, edits, '.github/workflows/ci.yml'))).toBe(message);
    expect(() => parseYaml(text, 'ci.yml')).toBeDefined();
  });

  it('every edited JSON above still parses', () => {
    expect(parseJson(editJson('\ufeff{\r\n\t"a": [1,2]\r\n}', [{ path: ['a'], value: [1, 2, 3] }]), 'a.json')).toEqual({ a: [1, 2, 3] });
  });
});

describe('file listing and parsing', () => {
  const ws = tempWorkspace({
    'libs/odd/package.json': '{"name":"odd"}\n',
    'libs/odd/src/index.ts': "export * from './my file \u00fc';\n",
    'libs/odd/src/my file \u00fc.ts': "import { join } from 'node:path';\nexport const x = join('a');\n",
    'libs/odd/src/latin1.ts': Buffer.from('export const caf\u00e9 = "caf\u00e9";\n', 'latin1'),
    'libs/odd/src/image.ts': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    'libs/odd/src/deep.ts': `export const deep = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`,
    'libs/odd/src/huge.ts': Buffer.alloc(6_000_000, 'a'),
  });
  symlinkSync(join(ws.root, 'libs/odd'), join(ws.root, 'libs/odd/src/loop'));
  symlinkSync(join(ws.root, 'libs/odd/missing.ts'), join(ws.root, 'libs/odd/src/dangling.ts'));
  afterAll(() => ws.remove());
  const project = () => diskProject(ws.root, 'libs/odd');

  it('a symbolic link loop, a dangling link and a file over maxFileBytes are each one note, in bytes as the option says', () => {
    expect(project().get(projectListing).skipped).toEqual([
      { file: 'libs/odd/src/dangling.ts', message: 'is a broken symbolic link' },
      { file: 'libs/odd/src/huge.ts', message: 'is 6,000,000 bytes, over the limit of 5,000,000 bytes (maxFileBytes); not analyzed' },
      { file: 'libs/odd/src/loop', message: 'is a symbolic link loop (it points back into a folder that contains it); not followed' },
    ]);
  });

  it('a binary file, a non-UTF-8 file and 20,000 nested arrays are unparsed files with their reason, not a crash', () => {
    expect(project().get(unparsedTypescript)).toEqual([
      { file: 'libs/odd/src/deep.ts', line: 0, reason: 'is nested too deeply to be parsed (the parser ran out of stack)' },
      { file: 'libs/odd/src/image.ts', line: 0, reason: 'is a binary file, not source code' },
      { file: 'libs/odd/src/latin1.ts', line: 0, reason: 'is not valid UTF-8' },
    ]);
  });

  it('a check of another package whose parser runs out of stack on the 20,000 nested arrays: one note naming the file, the gate skipped', async () => {
    const parsesEverything = defineCheck({
      id: 'x/parses-everything',
      title: 'parses every source with its own parser',
      planItem: 'structure/package-metadata',
      languages: ['typescript'],
      severity: 'error',
      run: (project) => {
        const text = project.workspace.source.read('libs/odd/src/deep.ts') ?? '';
        ts.createSourceFile('deep.ts', text, ts.ScriptTarget.Latest, false);
        return [];
      },
    });
    const { report } = await auditProject({
      workspaceRoot: ws.root,
      projectName: 'odd',
      projectRoot: 'libs/odd',
      options: {},
      optionsSource: 'project.json',
      checks: [parsesEverything],
      sections: [],
    });
    expect(report.problems.filter((p) => p.message.startsWith('the check'))).toEqual([
      {
        kind: 'skipped',
        file: 'libs/odd/src/deep.ts',
        message:
          'the check x/parses-everything could not finish: libs/odd/src/deep.ts is nested too deeply to be parsed (the parser ran out of stack)',
      },
    ]);
    expect(JSON.stringify(report)).not.toContain('Maximum call stack');
    expect(report.summary.gate).toBe('skipped');
  });

  it('a file named with spaces and non-ASCII letters is listed and parsed like any other', () => {
    const sources = project().get(typescriptSources);
    expect(sources.files).toContain('libs/odd/src/my file \u00fc.ts');
    expect(sources.module('libs/odd/src/my file \u00fc.ts').info?.imports.map((i) => i.specifier)).toEqual(['node:path']);
    expect(sources.module('libs/odd/src/index.ts').info?.imports.map((i) => i.specifier)).toEqual(['./my file \u00fc']);
  });
});

(posix ? describe : describe.skip)('a Python wrapper that misbehaves (SHIPSHAPE_PYTHON)', () => {
  const ws = tempWorkspace({ 'mod.py': 'X = 1\n' });
  const saved = process.env.SHIPSHAPE_PYTHON;
  afterAll(() => {
    if (saved === undefined) delete process.env.SHIPSHAPE_PYTHON;
    else process.env.SHIPSHAPE_PYTHON = saved;
    ws.remove();
  });
  const script = (name: string, body: string) => {
    ws.write({ [`bin/${name}`]: `#!/bin/sh\n${body}\n` });
    chmodSync(join(ws.root, 'bin', name), 0o755);
    return join(ws.root, 'bin', name);
  };
  const probeWith = async (body: string, timeoutMs = 1_000) => {
    const python = script(`python-${Math.random().toString(36).slice(2)}`, body);
    process.env.SHIPSHAPE_PYTHON = python;
    const started = Date.now();
    const outcome: { found?: string; error?: string } = await findPython(undefined, undefined, timeoutMs).then(
      (found) => ({ found }),
      (error: Error) => ({
        error: isShipshapeError(error) ? error.message.replace(python, 'PY') : `not a ShipshapeError: ${error.message}`,
      }),
    );
    return { ...outcome, seconds: (Date.now() - started) / 1000 };
  };
  const fix = ': fix it, or unset it to use the python3 on the PATH';

  it('hangs: stopped after the time limit, one message', async () => {
    const { error, seconds } = await probeWith('sleep 30');
    expect(error).toBe(`SHIPSHAPE_PYTHON names PY, which did not answer within 1 s and was stopped${fix}`);
    expect(seconds).toBeLessThan(5);
  });

  it('forks a child that hangs, and hangs: the whole process group is stopped', async () => {
    const { error, seconds } = await probeWith('sleep 30 &\nsleep 30');
    expect(error).toBe(`SHIPSHAPE_PYTHON names PY, which did not answer within 1 s and was stopped${fix}`);
    expect(seconds).toBeLessThan(5);
  });

  it('forks a child that leaves the process group and keeps the output open: the run still ends in bounded time', async () => {
    const { error, seconds } = await probeWith('setsid sleep 30 &\nsleep 30');
    expect(error).toBe(`SHIPSHAPE_PYTHON names PY, which did not answer within 1 s and was stopped${fix}`);
    expect(seconds).toBeLessThan(6);
  });

  it('answers, but leaves a child holding its output: the answer is taken without waiting for the child', async () => {
    const { found, seconds } = await probeWith('sleep 30 &\necho "3 12 /opt/python3.12"', 10_000);
    expect(found).toBe('/opt/python3.12');
    expect(seconds).toBeLessThan(5);
    // With a time limit shorter than the wait for the output, the answer stands too: the program ended in time.
    expect((await probeWith('sleep 30 &\necho "3 12 /opt/python3.12"', 500)).found).toBe('/opt/python3.12');
  });

  it('prints garbage: not a working Python, with what it printed', async () => {
    const { error } = await probeWith('echo "Welcome to pyenv!"');
    expect(error).toBe(`SHIPSHAPE_PYTHON names PY, which is not a working Python (exit code 0, printed "Welcome to pyenv!")${fix}`);
  });

  it('exits non-zero: not a working Python, with its exit code', async () => {
    const { error } = await probeWith('echo "pyenv: python3: command not found" >&2\nexit 127');
    expect(error).toBe(`SHIPSHAPE_PYTHON names PY, which is not a working Python (exit code 127)${fix}`);
  });

  const analysisWith = async (body: string) => {
    const python = script(`helper-${Math.random().toString(36).slice(2)}`, body);
    const started = Date.now();
    const message = await userRejection(analyzePython([join(ws.root, 'mod.py')], { python, timeoutMs: 1_000 }));
    return { message: message.replace(python, 'PY'), seconds: (Date.now() - started) / 1000 };
  };

  it('the analysis hangs in a forked child: stopped after the time limit, one message', async () => {
    const { message, seconds } = await analysisWith('sleep 30 &\nwait');
    expect(message).toBe('the Python analysis helper (PY) did not finish within 1 s and was stopped');
    expect(seconds).toBeLessThan(5);
  });

  it('the analysis prints garbage: one message with what it printed', async () => {
    const { message } = await analysisWith('echo "Segmentation fault?"');
    expect(message).toBe('the Python analysis helper (PY) wrote output that is not JSON: Segmentation fault?');
  });

  it('the analysis is killed by a signal: one message naming it', async () => {
    const { message } = await analysisWith('kill -9 $$');
    expect(message).toBe('the Python analysis helper failed (PY, killed by SIGKILL): no error output');
  });
});

describe('generators at the same time on one workspace', () => {
  const ws = tempWorkspace({ 'nx.json': '{}\n' });
  const compiled = compiledCore(['generators/workspace-lock', 'util/errors']);
  afterAll(() => {
    rmSync(lockPath(ws.root), { force: true });
    ws.remove();
    rmSync(compiled, { recursive: true, force: true });
  });

  it('six processes reach for the lock at the same instant: exactly one gets it, each other one is told why', async () => {
    // All start together; the winner holds the lock until every one has tried.
    const at = Date.now() + 1_500;
    const racers = Array.from({ length: 6 }, () =>
      run(
        `const { acquireWorkspaceLock } = require(process.argv[1]);
         while (Date.now() < Number(process.argv[3])) {}
         try { acquireWorkspaceLock(process.argv[2]); console.log('got it'); setTimeout(() => {}, 60_000); }
         catch (error) { console.log(error.message); }`,
        [join(compiled, 'generators/workspace-lock.js'), ws.root, String(at)],
      ),
    );
    while (racers.some((r) => r.output() === '')) await new Promise((resolve) => setTimeout(resolve, 20));
    for (const racer of racers) racer.kill();
    await Promise.all(racers.map((r) => r.exited));
    const outputs = racers.map((r) => r.output().trim()).sort();
    expect(outputs.filter((o) => o === 'got it')).toHaveLength(1);
    for (const other of outputs.filter((o) => o !== 'got it'))
      expect(other).toMatch(/^another Shipshape generator \(process \d+\) is changing this workspace; run one at a time/);
    rmSync(lockPath(ws.root), { force: true });
  });

  it('a lock file left empty or garbled by a crash is taken over', () => {
    for (const content of ['', 'not a pid']) {
      writeFileSync(lockPath(ws.root), content);
      const release = acquireWorkspaceLock(ws.root);
      expect(readFileSync(lockPath(ws.root), 'utf8')).toBe(String(process.pid));
      release();
    }
  });

  it('a fix generator while another process holds the lock: one message, and the Tree is left without changes', async () => {
    writeFileSync(lockPath(ws.root), String(process.ppid));
    const generator = defineFixGenerator({
      name: 'test:touch',
      fix: () => ({ changes: [{ path: 'touched.txt', content: 'x' }] }),
    });
    const tree = createTreeWithEmptyWorkspace();
    Object.defineProperty(tree, 'root', { value: ws.root });
    const before = tree.listChanges().map((change) => change.path);
    expect(await userRejection(generator(tree, { project: 'x' }))).toBe(
      `another Shipshape generator (process ${process.ppid}) is changing this workspace; run one at a time, so that neither loses the other's changes`,
    );
    expect(tree.listChanges().map((change) => change.path)).toEqual(before);
    rmSync(lockPath(ws.root));
  });

  it('a generator that fails gives the lock back: the next one runs', async () => {
    const failing = defineFixGenerator({
      name: 'test:fail',
      fix: () => {
        throw new Error('midway');
      },
    });
    const tree = createTreeWithEmptyWorkspace();
    Object.defineProperty(tree, 'root', { value: ws.root });
    tree.write('libs/a/project.json', '{"name": "a"}');
    await expect(failing(tree, { project: 'a' })).rejects.toThrow('midway');
    expect(existsSync(lockPath(ws.root))).toBe(false);
    const release = acquireWorkspaceLock(ws.root);
    release();
  });
});
