import { renderTerminal } from './terminal';
import type { AuditReport, ReportedFinding } from '../audit/report';
import { allReports, cleanLibReport, pyLibReport, pyToolsReport, tsLibReport } from './__fixtures__/reports';

const ESC = '\u001b[';

function section(output: string, project: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${project} (`));
  const end = lines.findIndex((line, index) => index > start && line === '');
  return lines.slice(start, end === -1 ? undefined : end);
}

function summaryRows(output: string): Map<string, string[]> {
  const lines = output.split('\n');
  const header = lines.findIndex((line) => /^project\s+new\s+baseline/.test(line));
  const rows = lines
    .slice(header + 1)
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/));
  // The gate, last, is text ("FAILED: 1 problem"): one cell.
  return new Map(rows.map((cells) => [cells[0], [...cells.slice(1, 7), cells.slice(7).join(' ')]]));
}

describe('renderTerminal', () => {
  it('prints projects in name order', () => {
    const output = renderTerminal(allReports());
    const order = ['clean-lib', 'py-lib', 'py-tools', 'ts-lib'].map((name) => output.indexOf(`${name} (`));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('groups each finding under its plan item, in plan order', () => {
    const lines = section(renderTerminal([tsLibReport()]), 'ts-lib');
    const headers = lines.map((line, index) => ({ line, index })).filter(({ line }) => /^ {2}\S/.test(line));
    expect(headers.map(({ line }) => line.trim())).toEqual([
      'Complete package metadata [structure/package-metadata]',
      'Categorize dependencies from real imports [deps/categorize]',
      'Explicit module exports [api/explicit-exports]',
    ]);
    const under = (title: string) => {
      const at = headers.findIndex(({ line }) => line.includes(title));
      return lines.slice(headers[at].index + 1, headers[at + 1]?.index).join('\n');
    };
    expect(under('Complete package metadata')).toContain('[structure/package-metadata]');
    expect(under('Complete package metadata')).not.toContain('deps/unused-dependency');
    expect(under('Categorize dependencies')).toContain('[deps/unused-dependency]');
    expect(under('Explicit module exports')).toContain('[api/no-export-star]');
  });

  it('prints a finding as location, severity, message and check id, without :0 for whole-file findings', () => {
    const output = renderTerminal([tsLibReport()]);
    expect(output).toContain(
      "    libs/ts-lib/src/index.ts:3:1  warning  Replace `export *` from './a' | './b' with named exports of Result<T>  [api/no-export-star]\n",
    );
    expect(output).toContain('    libs/ts-lib/package.json  error  package.json has no "license" field  [structure/package-metadata]\n');
  });

  it('marks baselined findings and only those', () => {
    const lines = renderTerminal([tsLibReport(), pyLibReport()]).split('\n');
    const marked = lines.filter((line) => line.endsWith('(baseline)'));
    expect(marked).toHaveLength(2);
    expect(marked.join('\n')).toContain('[deps/unused-dependency]');
    expect(marked.join('\n')).toContain('[structure/missing-init-py]');
  });

  it('shows ignored findings with their reason and no fix hint', () => {
    const lines = renderTerminal([pyLibReport()]).split('\n');
    const at = lines.findIndex((line) => line.includes('"requests"'));
    expect(lines[at]).toBe(
      '    libs/py-lib/pyproject.toml:9:3  warning  "requests" is declared in [project.dependencies] but never imported  [deps/unused-dependency]  (ignored: imported by plugins at run time)',
    );
    expect(lines[at + 1]).not.toContain('fix:');
  });

  it('hints the fix generator with the project and the fix options', () => {
    const output = renderTerminal([tsLibReport(), pyLibReport()]);
    expect(output).toContain('      fix: nx g @shipshape/deps:categorize --project=ts-lib --dependency=lodash\n');
    expect(output).toContain('      fix: nx g @shipshape/structure:metadata --project=ts-lib --field=license\n');
    // from the check's fixedBy when the finding carries no fix of its own
    expect(output).toContain('      fix: nx g @shipshape/api:explicit-exports --project=ts-lib\n');
    expect(output).toContain('      fix: nx g @shipshape/structure:barrels --project=py-lib\n');
    // api/missing-type-hints has no generator: no hint after it
    const typeHints = output.split('\n').findIndex((line) => line.includes('[api/missing-type-hints]'));
    expect(output.split('\n')[typeHints + 1]).not.toContain('fix:');
  });

  it('shows problems', () => {
    const lines = section(renderTerminal(allReports()), 'py-tools');
    expect(lines).toContain('  Problems');
    expect(lines).toContain('    skipped  python3 was not found on PATH; the Python checks did not run');
  });

  it('ends with a summary table whose counts match the reports', () => {
    const rows = summaryRows(renderTerminal(allReports()));
    //                             new  baseline ignored fixed errors warnings gate
    expect(rows.get('ts-lib')).toEqual(['2', '1', '0', '1', '1', '2', 'FAILED: 1 new error']);
    expect(rows.get('py-lib')).toEqual(['1', '1', '1', '0', '0', '1', 'passed']);
    expect(rows.get('py-tools')).toEqual(['0', '0', '0', '0', '0', '0', 'skipped: 1 check not run']);
    expect(rows.get('clean-lib')).toEqual(['0', '0', '0', '2', '0', '0', 'passed']);
    expect(rows.get('total')).toEqual(['3', '2', '1', '3', '1', '3', 'FAILED: 1 new error']);
  });

  it('counts what failed a gate, so that a failed gate never reads as a row of zeros', () => {
    const broken = cleanLibReport();
    broken.problems = [{ kind: 'error', file: 'libs/clean-lib/.shipshape-baseline.json', message: 'is not valid JSON' }];
    broken.summary = { ...broken.summary, gate: 'failed', passed: false };
    expect(summaryRows(renderTerminal([broken])).get('clean-lib')).toEqual(['0', '0', '0', '2', '0', '0', 'FAILED: 1 problem']);

    const strict = tsLibReport();
    strict.summary = { ...strict.summary, failOn: 'warning' };
    expect(summaryRows(renderTerminal([strict])).get('ts-lib')?.[6]).toBe('FAILED: 1 new error, 1 new warning');
    expect(summaryRows(renderTerminal([strict, broken])).get('total')?.[6]).toBe('FAILED: 1 problem, 1 new error, 1 new warning');
  });

  it('says a skipped gate with the checks that did not run, neither passed nor failed', () => {
    const skipped = pyToolsReport();
    skipped.checks = skipped.checks.map((check) => ({ ...check, skipped: 'python3 was not found on PATH' }));
    skipped.summary = { ...skipped.summary, gate: 'skipped', passed: false };
    expect(summaryRows(renderTerminal([skipped])).get('py-tools')?.[6]).toBe('skipped: 1 check not run');
    expect(summaryRows(renderTerminal([skipped, cleanLibReport()])).get('total')?.[6]).toBe('skipped: 1 check not run');
    expect(renderTerminal([skipped], { color: true })).toContain(`${ESC}33;1mskipped: 1 check not run${ESC}0m`);
  });

  it('right-aligns the numbers of the summary table', () => {
    const output = renderTerminal(allReports());
    const lines = output.split('\n');
    const header = lines.find((line) => line.startsWith('project'))!;
    const fixedEnd = header.indexOf('fixed') + 'fixed'.length;
    for (const line of lines.slice(lines.indexOf(header) + 1).filter(Boolean)) {
      expect(line[fixedEnd - 1]).toMatch(/\d/);
    }
  });

  it('uses no escape codes without color, and the same text with color', () => {
    const plain = renderTerminal(allReports());
    const colored = renderTerminal(allReports(), { color: true });
    expect(plain).not.toContain(ESC);
    expect(colored).toContain(`${ESC}31merror${ESC}0m`);
    expect(colored).toContain(`${ESC}33mwarning${ESC}0m`);
    expect(colored).toContain(`${ESC}36minfo${ESC}0m`);
    expect(colored.replace(new RegExp(`${ESC}\\[[\\d;]*m`, 'g'), '')).toBe(plain);
  });

  it('hints a fix once under a run of findings the same command fixes', () => {
    const findings = [3, 4, 5].map((line) => starExport(line));
    findings.push({ ...starExport(6), fix: { generator: '@shipshape/api:explicit-exports', options: { entry: 'src/other.ts' } } });
    const lines = section(renderTerminal([withFindings(findings, 'error')]), 'ts-lib');
    const hints = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.includes('fix:'));
    expect(hints.map(({ line }) => line.trim())).toEqual([
      'fix: nx g @shipshape/api:explicit-exports --project=ts-lib',
      'fix: nx g @shipshape/api:explicit-exports --project=ts-lib --entry=src/other.ts',
    ]);
    expect(lines[hints[0].index - 1]).toContain('index.ts:5:1');
    expect(lines[hints[1].index - 1]).toContain('index.ts:6:1');
  });

  it('lists listPerCheck findings of a check, counts the others and names where all are listed', () => {
    const findings = [...[3, 4, 5, 6, 7, 8].map((line) => starExport(line)), licenseError(), licenseError('new', 'repository')];
    const report = withFindings(findings, 'error');
    const lines = renderTerminal([report], { listPerCheck: 2, fullReport: () => 'reports/ts-lib/audit.md' }).split('\n');
    expect(lines.filter((line) => line.includes('[api/no-export-star]') && !line.includes('more'))).toHaveLength(2);
    expect(lines).toContain('    … 4 more [api/no-export-star], all listed in reports/ts-lib/audit.md');
    // new errors fail the gate: every one listed, beyond the limit
    expect(lines.filter((line) => line.includes('  error  '))).toHaveLength(2);
    expect(
      renderTerminal([report])
        .split('\n')
        .filter((line) => line.includes('[api/no-export-star]')),
    ).toHaveLength(6);
    expect(renderTerminal([report], { listPerCheck: 0 })).not.toContain('more [');
  });

  it('with quiet, lists only the findings that fail the gate and counts the others on one line', () => {
    const findings = [...[3, 4, 5].map((line) => starExport(line)), licenseError(), licenseError('baseline', 'repository')];
    const lines = renderTerminal([withFindings(findings, 'error')], { quiet: true, fullReport: () => 'reports/ts-lib/audit.md' }).split(
      '\n',
    );
    expect(lines.filter((line) => line.includes('  error  '))).toEqual([expect.stringContaining('no "license" field')]);
    expect(lines.some((line) => line.includes('[api/no-export-star]'))).toBe(false);
    expect(lines).toContain('  … 4 findings that do not fail the gate, all listed in reports/ts-lib/audit.md');
    const one = renderTerminal([withFindings([starExport(3)], 'never')], { quiet: true }).split('\n');
    expect(one).toContain('  … 1 finding that does not fail the gate');
    expect(one.some((line) => /^ {2}\S/.test(line) && line.includes('['))).toBe(false); // no plan item heading left empty
  });

  it('limits what does not fail the gate: baselined errors, and every finding when the gate never fails', () => {
    const baselined = withFindings(
      [licenseError('baseline'), licenseError('baseline', 'repository'), licenseError('baseline', 'bugs')],
      'error',
    );
    expect(renderTerminal([baselined], { listPerCheck: 1 })).toContain('    … 2 more [structure/package-metadata]\n');
    const never = withFindings([licenseError(), licenseError('new', 'repository')], 'never');
    expect(renderTerminal([never], { listPerCheck: 1 })).toContain('    … 1 more [structure/package-metadata]\n');
  });

  it('says so when a project has no findings', () => {
    expect(section(renderTerminal(allReports()), 'clean-lib')).toContain('  no findings');
  });
});

/** ts-lib's report with these findings and gate. */
function withFindings(findings: ReportedFinding[], failOn: AuditReport['summary']['failOn']): AuditReport {
  const report = tsLibReport();
  return { ...report, findings, summary: { ...report.summary, failOn } };
}

function starExport(line: number): ReportedFinding {
  return { ...tsLibReport().findings[0], line, fingerprint: `star-${line}` };
}

function licenseError(status: ReportedFinding['status'] = 'new', field = 'license'): ReportedFinding {
  const finding = tsLibReport().findings[1];
  return { ...finding, status, message: `package.json has no "${field}" field`, fingerprint: `${field}-${status}`, fix: undefined };
}
