// The audit, end to end: a fresh Nx workspace (create-nx-workspace, through the local registry) with a
// generated TS library and `nx add @shipshape/pipeline` (the shared setup of utils/setups.ts), a hand-written
// Python library, `nx run-many -t audit`, the reports checked field by field, then the Nx cache, then a
// remote cache (Nx's self-hosted HTTP cache protocol) and Nx's batch mode.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportSchemaErrors, reportSchemaPath } from './utils/report-schema';
import { sarifSchemaErrors } from './utils/sarif';
import { startRemoteCache, type RemoteCache } from './utils/remote-cache';
import { PIPELINE_WORKSPACE, TS_LIBRARY } from './utils/setups';
import { scenario, withOutput } from './utils/steps';
import { createTestWorkspace, type ProjectNode, type TestWorkspace } from './utils/workspace';

const TS_ROOT = TS_LIBRARY;
const PY_ROOT = 'packages/pylib';
const REPORTS = (root: string) => `reports/shipshape/${root}`;
const CACHE_SUMMARY = (cached: number, total: number) =>
  `Nx read the output from the cache instead of running the command for ${cached} out of ${total} tasks`;

// A Python library whose [project] table lacks "description" and "license"; everything else the
// metadata check asks for is there. The [project] header is on line 2, after a comment.
const PYPROJECT = `# Shipshape e2e fixture: a Python library with incomplete metadata.
[project]
name = "pylib"
version = "0.1.0"
readme = "README.md"
requires-python = ">=3.9"
authors = [{ name = "Shipshape E2E", email = "e2e@example.com" }]

[project.urls]
Homepage = "https://example.com/pylib"

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
`;
const PY_PROJECT_HEADER_LINE = PYPROJECT.split('\n').indexOf('[project]') + 1;

// The fields the package.json metadata check asks for (contract), and how to tell they are present.
const PACKAGE_JSON_FIELDS: Record<string, (pkg: any) => boolean> = {
  name: (p) => typeof p.name === 'string' && p.name !== '',
  version: (p) => typeof p.version === 'string' && p.version !== '',
  description: (p) => typeof p.description === 'string' && p.description !== '',
  license: (p) => typeof p.license === 'string' && p.license !== '',
  repository: (p) => p.repository !== undefined,
  files: (p) => Array.isArray(p.files) || p.exports !== undefined,
  types: (p) => typeof p.types === 'string' || typeof p.typings === 'string' || typeof p.exports?.['.']?.types === 'string',
};

interface Finding {
  checkId: string;
  severity: string;
  message: string;
  project: string;
  file: string;
  line: number;
  column: number;
  fingerprint: string;
  planItem: string;
  status: 'new' | 'baseline';
  fix?: unknown;
}

/**
 * Which of `fields` a metadata finding is about, from its message (`package.json has no "description": ...`):
 * the first quoted field name, else the first field named as a word.
 */
function fieldOf(finding: Finding, fields: string[]): string | undefined {
  for (const [, quoted] of finding.message.matchAll(/["'`]([^"'`]+)["'`]/g)) {
    if (fields.includes(quoted)) return quoted;
  }
  return fields.find((field) => new RegExp(`(^|[^\\w-])${field}([^\\w-]|$)`).test(finding.message));
}

describe('shipshape audit in a fresh Nx workspace', () => {
  const { step, check } = scenario();
  let ws: TestWorkspace;
  let tsProject: ProjectNode;
  let pyProject: ProjectNode;
  let auditProjects: ProjectNode[];
  const firstRun = { json: {} as Record<string, string>, sarif: {} as Record<string, string> };
  const libraries = () => [
    { label: 'TS', project: tsProject, language: 'typescript' },
    { label: 'Python', project: pyProject, language: 'python' },
  ];
  const auditAll = () => ws.nx(['run-many', '-t', 'audit', '--output-style=static']);
  let remote: RemoteCache | undefined;

  afterAll(async () => {
    await remote?.stop();
    ws?.cleanup();
  });

  step('creates a fresh Nx workspace through the local registry, with a TS library', async () => {
    ws = await createTestWorkspace('audit', PIPELINE_WORKSPACE);
    const lock = ws.readJson('package-lock.json');
    // Every download (the workspace's own packages, links to packages/*, are not downloads).
    const resolved = Object.values<any>(lock.packages)
      .filter((p) => !p.link)
      .map((p) => p.resolved)
      .filter(Boolean);
    expect(resolved.filter((url: string) => !url.startsWith(`${ws.ctx.registry}/`))).toEqual([]);
    expect(ws.exists(`${TS_ROOT}/package.json`)).toBe(true);
  });

  step('installs @shipshape/pipeline from the local registry with nx add, which registers the plugin', async () => {
    // The shared setup's `nx add @shipshape/pipeline --verbose` (utils/setups.ts).
    const result = ws.setup[1];
    expect(result.command).toMatch(/nx add @shipshape\/pipeline --verbose$/);
    withOutput(result, () => {
      expect(result.output).not.toMatch(/Failed to (install|initialize)/);
      const rootPkg = ws.readJson('package.json');
      expect(Object.keys({ ...rootPkg.dependencies, ...rootPkg.devDependencies })).toContain('@shipshape/pipeline');
      // The version published from this commit, downloaded from the local registry.
      const installed = ws.readJson('package-lock.json').packages['node_modules/@shipshape/pipeline'];
      expect(installed).toBeDefined();
      const published = ws.ctx.packages.find((p) => p.name === '@shipshape/pipeline');
      if (published) expect(installed.version).toBe(published.version);
      if (installed.resolved) expect(installed.resolved.startsWith(`${ws.ctx.registry}/`)).toBe(true);
      expect(ws.exists('node_modules/@shipshape/core/package.json')).toBe(true);
      expect(ws.exists('node_modules/@shipshape/structure/package.json')).toBe(true);

      const plugins: any[] = ws.readJson('nx.json').plugins ?? [];
      const entry = plugins.find((p) => (typeof p === 'string' ? p : p.plugin) === '@shipshape/pipeline');
      expect(entry).toMatchObject({ plugin: '@shipshape/pipeline', options: { targetName: 'audit' } });
    });
  });

  step('makes the TS library publishable and adds a Python library', async () => {
    // A library on its way to being published: not private, and without the metadata under test
    // (whatever the Nx generator of the day writes).
    const pkg = ws.readJson(`${TS_ROOT}/package.json`);
    for (const field of ['private', 'description', 'license', 'repository']) delete pkg[field];
    ws.writeJson(`${TS_ROOT}/package.json`, pkg);

    ws.writeFile(`${PY_ROOT}/pyproject.toml`, PYPROJECT);
    ws.writeFile(`${PY_ROOT}/README.md`, '# pylib\n\nShipshape e2e fixture.\n');
    ws.writeFile(
      `${PY_ROOT}/src/pylib/__init__.py`,
      '"""pylib: Shipshape e2e fixture."""\n\n\ndef greet(name: str) -> str:\n    return f"Hello, {name}!"\n',
    );
    expect(PY_PROJECT_HEADER_LINE).toBe(2);
  });

  step('infers a cached audit target on the TS library and on the pyproject.toml-only Python library', async () => {
    const nodes = Object.values(await ws.projects());
    const at = (root: string) => {
      const node = nodes.find((n) => n.data.root === root);
      if (!node) throw new Error(`no project at ${root}; projects: ${nodes.map((n) => `${n.name} (${n.data.root})`).join(', ')}`);
      return node;
    };
    tsProject = at(TS_ROOT);
    pyProject = at(PY_ROOT);
    expect(ws.exists(`${PY_ROOT}/project.json`)).toBe(false);
    expect(ws.exists(`${PY_ROOT}/package.json`)).toBe(false);
    for (const { project } of libraries()) {
      const audit = project.data.targets?.audit;
      expect(audit).toBeDefined();
      expect(audit.cache).toBe(true);
      expect(audit.outputs).toHaveLength(1);
      expect(audit.outputs[0].replace('{projectRoot}', project.data.root)).toBe(`{workspaceRoot}/${REPORTS(project.data.root)}`);
    }
    auditProjects = nodes.filter((p) => p.data.targets?.audit);
    expect(auditProjects.map((p) => p.data.root).sort()).toEqual([PY_ROOT, TS_ROOT]);
  });

  step('runs the audit of every library: it passes (metadata findings are warnings) and writes the reports', async () => {
    const result = await auditAll();
    withOutput(result, () => {
      expect(result.output).not.toContain('Nx read the output from the cache');
      for (const { project } of libraries()) {
        for (const file of ['audit.json', 'audit.sarif', 'audit.md']) {
          expect(ws.exists(`${REPORTS(project.data.root)}/${file}`)).toBe(true);
        }
        firstRun.json[project.name] = ws.readFile(`${REPORTS(project.data.root)}/audit.json`);
        firstRun.sarif[project.name] = ws.readFile(`${REPORTS(project.data.root)}/audit.sarif`);
      }
    });
  });

  for (const index of [0, 1]) {
    const label = ['TS', 'Python'][index];
    check(`writes a JSON report with the documented fields (${label} library)`, () => {
      const { project, language } = libraries()[index];
      const report = JSON.parse(firstRun.json[project.name]);
      expect(reportSchemaErrors(reportSchemaPath(ws.root, ws.ctx.repoRoot), report)).toEqual([]);
      expect(report.schemaVersion).toBe(1);
      expect(report.tool.name).toBe('shipshape');
      expect(typeof report.tool.version).toBe('string');
      if (ws.ctx.packages.length > 0) expect(ws.ctx.packages.map((p) => p.version)).toContain(report.tool.version);
      expect(resolve(ws.root, report.workspaceRoot)).toBe(resolve(ws.root));
      expect(report.project).toMatchObject({ name: project.name, root: project.data.root });
      expect(report.project.languages).toContain(language);
      expect(Array.isArray(report.checks)).toBe(true);
      expect(report.checks.length).toBeGreaterThan(0);
      expect(Array.isArray(report.problems)).toBe(true);

      const findings: Finding[] = report.findings;
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        expect(finding).toMatchObject({
          checkId: expect.stringMatching(/^[a-z-]+\/[a-z0-9-]+$/),
          severity: expect.stringMatching(/^(info|warning|error)$/),
          message: expect.any(String),
          project: project.name,
          file: expect.any(String),
          line: expect.any(Number),
          column: expect.any(Number),
          fingerprint: expect.any(String),
          planItem: expect.any(String),
          status: 'new', // no baseline in a fresh workspace
        });
        // Workspace-relative, forward slashes, an existing file.
        expect(finding.file).not.toMatch(/^\/|^[A-Za-z]:|\\/);
        expect(ws.exists(finding.file)).toBe(true);
        expect(Number.isInteger(finding.line) && finding.line >= 1).toBe(true);
      }
      expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);

      const bySeverity: Record<string, number> = {};
      for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
      expect(report.summary).toMatchObject({
        total: findings.length,
        new: findings.length,
        baseline: 0,
        fixedSinceBaseline: 0,
        failOn: 'error',
        passed: true,
      });
      for (const [severity, count] of Object.entries(bySeverity)) expect(report.summary.bySeverity[severity]).toBe(count);
    });
  }

  check('reports each missing package.json field of the TS library at the line of the opening brace', () => {
    const report = JSON.parse(firstRun.json[tsProject.name]);
    const pkg = ws.readJson(`${TS_ROOT}/package.json`);
    const expected = Object.keys(PACKAGE_JSON_FIELDS)
      .filter((field) => !PACKAGE_JSON_FIELDS[field](pkg))
      .sort();
    expect(expected).toEqual(expect.arrayContaining(['description', 'license', 'repository']));

    const metadata: Finding[] = report.findings.filter((f: Finding) => f.checkId === 'structure/package-json-metadata');
    expect(metadata.map((f) => fieldOf(f, Object.keys(PACKAGE_JSON_FIELDS))).sort()).toEqual(expected);
    const braceLine =
      ws
        .readFile(`${TS_ROOT}/package.json`)
        .split('\n')
        .findIndex((l) => l.trim().startsWith('{')) + 1;
    expect(braceLine).toBe(1);
    for (const finding of metadata) {
      expect(finding).toMatchObject({ file: `${TS_ROOT}/package.json`, line: braceLine, severity: 'warning', status: 'new' });
    }
  });

  check('reports the missing pyproject.toml fields of the Python library at the line of [project]', () => {
    const report = JSON.parse(firstRun.json[pyProject.name]);
    const metadata: Finding[] = report.findings.filter((f: Finding) => f.checkId === 'structure/pyproject-metadata');
    const fields = ['name', 'version', 'description', 'readme', 'requires-python', 'license', 'authors', 'urls', 'build-system'];
    expect(metadata.map((f) => fieldOf(f, fields)).sort()).toEqual(['description', 'license']);
    for (const finding of metadata) {
      expect(finding).toMatchObject({
        file: `${PY_ROOT}/pyproject.toml`,
        line: PY_PROJECT_HEADER_LINE,
        severity: 'warning',
        status: 'new',
      });
    }
  });

  for (const index of [0, 1]) {
    const label = ['TS', 'Python'][index];
    check(`writes a SARIF 2.1.0 log that is schema-valid and matches the JSON findings (${label} library)`, () => {
      const { project } = libraries()[index];
      const sarif = JSON.parse(firstRun.sarif[project.name]);
      expect(sarifSchemaErrors(ws.ctx.repoRoot, sarif)).toEqual([]);
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs).toHaveLength(1);
      const run = sarif.runs[0];
      expect(String(run.tool.driver.name).toLowerCase()).toBe('shipshape');

      const findings: Finding[] = JSON.parse(firstRun.json[project.name]).findings;
      expect(run.results).toHaveLength(findings.length);
      const located = run.results.map((r: any) => ({
        ruleId: r.ruleId,
        uri: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
        line: r.locations?.[0]?.physicalLocation?.region?.startLine,
      }));
      for (const finding of findings) {
        const uri = new RegExp(`(^|/)${finding.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        expect(located).toContainEqual({ ruleId: finding.checkId, uri: expect.stringMatching(uri), line: finding.line });
      }
      const ruleIds = (run.tool.driver.rules ?? []).map((r: any) => r.id);
      for (const finding of findings) expect(ruleIds).toContain(finding.checkId);
    });
  }

  check('writes a Markdown report naming the findings', () => {
    for (const { project } of libraries()) {
      const markdown = ws.readFile(`${REPORTS(project.data.root)}/audit.md`);
      expect(markdown.trim().length).toBeGreaterThan(0);
      expect(markdown).toContain(JSON.parse(firstRun.json[project.name]).findings[0].checkId);
    }
  });

  step('serves the second run entirely from the Nx cache, with the same reports', async () => {
    const result = await auditAll();
    withOutput(result, () => {
      expect(result.output).toContain(CACHE_SUMMARY(auditProjects.length, auditProjects.length));
      for (const { project } of libraries()) {
        const name = project.name.replace(/[/@.]/g, '\\$&');
        expect(result.output).toMatch(
          new RegExp(`nx run ${name}:audit\\s+\\[(local cache|existing outputs match the cache, left as is)\\]`),
        );
        expect(ws.readFile(`${REPORTS(project.data.root)}/audit.json`)).toBe(firstRun.json[project.name]);
      }
    });
  });

  step('restores deleted reports from the cache (the report folder is the declared output)', async () => {
    rmSync(ws.path('reports'), { recursive: true, force: true });
    const result = await auditAll();
    withOutput(result, () => {
      expect(result.output).toContain(CACHE_SUMMARY(auditProjects.length, auditProjects.length));
      for (const { project } of libraries()) {
        expect(ws.readFile(`${REPORTS(project.data.root)}/audit.json`)).toBe(firstRun.json[project.name]);
        expect(ws.readFile(`${REPORTS(project.data.root)}/audit.sarif`)).toBe(firstRun.sarif[project.name]);
      }
    });
  });

  step('re-runs only the audit of the project whose files changed', async () => {
    ws.writeFile(
      `${PY_ROOT}/pyproject.toml`,
      PYPROJECT.replace('version = "0.1.0"\n', 'version = "0.1.0"\ndescription = "Shipshape e2e fixture."\n'),
    );
    const result = await auditAll();
    withOutput(result, () => {
      expect(result.output).toContain(CACHE_SUMMARY(auditProjects.length - 1, auditProjects.length));
      const report = JSON.parse(ws.readFile(`${REPORTS(PY_ROOT)}/audit.json`));
      const fields = report.findings
        .filter((f: Finding) => f.checkId === 'structure/pyproject-metadata')
        .map((f: Finding) => fieldOf(f, ['description', 'license']));
      expect(fields).toEqual(['license']);
    });
  });

  step('re-audits the library when a project that declares it starts importing a file of it that was dead', async () => {
    const extra = `${TS_ROOT}/src/lib/extra.ts`;
    const consumer = 'packages/consumer';
    const deadFiles = () =>
      (JSON.parse(ws.readFile(`${REPORTS(TS_ROOT)}/audit.json`)).findings as Finding[])
        .filter((f) => f.checkId === 'structure/dead-file')
        .map((f) => f.file);
    const auditLibrary = () => ws.nx(['run', `${tsProject.name}:audit`, '--output-style=static']);
    ws.writeFile(extra, 'export const extra = 1;\n');
    ws.writeJson(`${consumer}/package.json`, {
      name: `${tsProject.name.split('/')[0]}/consumer`,
      version: '0.0.1',
      private: true,
      type: 'module',
      dependencies: { [tsProject.name]: '*' },
    });
    ws.writeFile(`${consumer}/src/index.ts`, 'export const value = 1;\n');
    try {
      const before = await auditLibrary();
      withOutput(before, () => expect(deadFiles()).toContain(extra));
      // Only the consumer changes: the library's own files, and so its old cache key, stay as they were.
      ws.writeFile(`${consumer}/src/index.ts`, `import { extra } from '${tsProject.name}/src/lib/extra';\nexport const value = extra;\n`);
      const after = await auditLibrary();
      withOutput(after, () => {
        expect(after.output).not.toMatch(/local cache|existing outputs match the cache/);
        expect(deadFiles()).not.toContain(extra);
      });
    } finally {
      rmSync(ws.path(consumer), { recursive: true, force: true });
      rmSync(ws.path(extra), { force: true });
    }
  });

  step('fails the gate when failOn is lowered to warning', async () => {
    const result = await ws.nx(['run', `${tsProject.name}:audit`, '--failOn=warning', '--output-style=static'], { allowFailure: true });
    withOutput(result, () => {
      expect(result.status).not.toBe(0);
      const report = JSON.parse(ws.readFile(`${REPORTS(TS_ROOT)}/audit.json`));
      expect(report.summary).toMatchObject({ failOn: 'warning', passed: false });
    });
  });

  step('with quiet, lists only the findings that fail the gate and counts the others', async () => {
    const quiet = await ws.nx(['run', `${tsProject.name}:audit`, '--quiet', '--output-style=static']);
    const failing = await ws.nx(['run', `${tsProject.name}:audit`, '--quiet', '--failOn=warning', '--output-style=static'], {
      allowFailure: true,
    });
    withOutput(quiet, () => {
      expect(quiet.output).toMatch(
        new RegExp(`… \\d+ findings? that do(es)? not fail the gate, all listed in ${REPORTS(TS_ROOT)}/audit\\.md`),
      );
      expect(quiet.output).not.toMatch(/ {2}(warning|info) {2}/);
      expect(failing.output).toMatch(/ {2}warning {2}/);
      expect(failing.output).not.toMatch(/ {2}info {2}/);
      const report = JSON.parse(ws.readFile(`${REPORTS(TS_ROOT)}/audit.json`));
      expect(report.findings.some((f: { severity: string }) => f.severity === 'info')).toBe(true); // the reports keep them
    });
  });

  describe('through a remote cache, in batch mode and not', () => {
    // Each task's reports (JSON, SARIF, Markdown), as the batch run wrote them.
    const batchReports: Record<string, string> = {};
    const REPORT_FILES = ['audit.json', 'audit.sarif', 'audit.md'];
    const reportsNow = () =>
      Object.fromEntries(
        auditProjects.flatMap((p) =>
          REPORT_FILES.map((f) => [`${REPORTS(p.data.root)}/${f}`, ws.readFile(`${REPORTS(p.data.root)}/${f}`)]),
        ),
      );
    // This machine's cache in the test's folder (`nx reset` empties it), the remote cache Nx is pointed at.
    const env = (extra: Record<string, string> = {}) => ({ ...ws.env, NX_CACHE_DIRECTORY: ws.path('.nx', 'cache'), ...extra });
    const auditWith = (extra: Record<string, string>, args: string[] = []) =>
      ws.nx(['run-many', '-t', 'audit', '--output-style=static', ...args], { env: env(extra) });
    const wipeLocal = async () => {
      await ws.nx(['reset'], { env: env() });
      rmSync(ws.path('reports'), { recursive: true, force: true });
    };
    const batchLine = () => new RegExp(`Running ${auditProjects.length} tasks with @shipshape/pipeline:audit`);

    step('runs every audit in one batch process (shared out to two threads) and stores each result in the remote cache', async () => {
      remote = await startRemoteCache();
      await wipeLocal();
      // a batch this small stays on one thread unless asked: the threads' reports are then compared with single processes
      const result = await auditWith({ ...remote.env, NX_BATCH_MODE: 'true', SHIPSHAPE_AUDIT_THREADS: '2' });
      withOutput(result, () => {
        expect(result.output).toMatch(batchLine());
        expect(result.output).not.toContain('Nx read the output from the cache');
        const stored = remote!.requests.filter((r) => r.method === 'PUT' && r.status === 200);
        expect(stored).toHaveLength(auditProjects.length);
        Object.assign(batchReports, reportsNow());
        expect(JSON.parse(batchReports[`${REPORTS(TS_ROOT)}/audit.json`]).findings.length).toBeGreaterThan(0);
      });
    });

    step('with the local cache wiped, takes every audit from the remote cache, byte for byte', async () => {
      await wipeLocal();
      const before = remote!.requests.length;
      const result = await auditWith(remote!.env);
      withOutput(result, () => {
        expect(result.output).toContain(CACHE_SUMMARY(auditProjects.length, auditProjects.length));
        for (const project of auditProjects) {
          const name = project.name.replace(/[/@.]/g, '\\$&');
          expect(result.output).toMatch(new RegExp(`nx run ${name}:audit\\s+\\[remote cache\\]`));
        }
        const hits = remote!.requests.slice(before).filter((r) => r.method === 'GET' && r.status === 200);
        expect(hits).toHaveLength(auditProjects.length);
        expect(reportsNow()).toEqual(batchReports);
      });
    });

    step('runs each audit in a process of its own without batch mode, with the same reports', async () => {
      await wipeLocal();
      const result = await auditWith({ NX_BATCH_MODE: 'false' }, ['--skip-nx-cache']);
      withOutput(result, () => {
        expect(result.output).not.toMatch(batchLine());
        expect(result.output).not.toContain('Nx read the output from the cache');
        for (const project of auditProjects) expect(result.output).toContain(`nx run ${project.name}:audit`);
        expect(reportsNow()).toEqual(batchReports);
      });
    });

    step('with the audit service on (as where Nx runs its daemon), starts it, then has it answer, with the same reports', async () => {
      const service = { SHIPSHAPE_AUDIT_SERVICE: 'true' };
      await wipeLocal();
      const first = await auditWith(service, ['--skip-nx-cache']);
      withOutput(first, () => expect(reportsNow()).toEqual(batchReports));
      const pid = await servicePid();
      // once it has rehearsed the first run's audits (sent when they were done), it waits: its CPU time stands still
      const cpuBefore = await idleCpuTicks(pid);
      rmSync(ws.path('reports'), { recursive: true, force: true });
      const served = await auditWith(service, ['--skip-nx-cache']);
      withOutput(served, () => {
        expect(reportsNow()).toEqual(batchReports);
        // the service did the work: its own CPU time grew by the audits'
        expect(cpuTicks(pid) - cpuBefore).toBeGreaterThan(10);
      });
    });
  });

  /** The audit service started for this workspace (it detaches, so it is found by its command line). */
  async function servicePid(): Promise<number> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = serviceProcesses();
      // listening once its socket file exists (its path is the first argument)
      if (found.length === 1 && existsSync(found[0].socket)) return found[0].pid;
      if (Date.now() > deadline) throw new Error(`no single audit service for ${ws.root}: ${JSON.stringify(found)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  function serviceProcesses(): Array<{ pid: number; socket: string }> {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .flatMap((entry) => {
        try {
          const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
          const main = args.findIndex((a) => a.endsWith('audit-service-main.js'));
          return main >= 0 && args[main + 2] === ws.root ? [{ pid: Number(entry), socket: args[main + 1] }] : [];
        } catch {
          return [];
        }
      });
  }

  /** The process's CPU time once it stays the same for a second (at most 60 s). */
  async function idleCpuTicks(pid: number): Promise<number> {
    const deadline = Date.now() + 60_000;
    let last = cpuTicks(pid);
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = cpuTicks(pid);
      if (now === last || Date.now() > deadline) return now;
      last = now;
    }
  }

  /** User + system CPU time of a process, in clock ticks. */
  function cpuTicks(pid: number): number {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  }

  afterAll(() => {
    if (!ws) return;
    for (const { pid } of serviceProcesses()) {
      try {
        process.kill(pid);
      } catch {
        // already gone
      }
    }
  });
});
