import { renderMarkdown } from './markdown';
import { allReports, cleanLibReport, pyLibReport, pyToolsReport, tsLibReport } from './__fixtures__/reports';

/** The cells of a Markdown table row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row
    .replace(/^\| | \|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function rowFor(markdown: string, text: string): string[] {
  const row = markdown.split('\n').find((line) => line.startsWith('|') && line.includes(text));
  if (!row) throw new Error(`no table row contains ${text}`);
  return cells(row);
}

describe('renderMarkdown', () => {
  it('headlines whether every gate passed', () => {
    expect(renderMarkdown(allReports()).split('\n')[0]).toBe('## Shipshape audit: ❌ 1 of 4 gates FAILED: 1 new error');
    expect(renderMarkdown([pyLibReport(), cleanLibReport()]).split('\n')[0]).toBe('## Shipshape audit: ✅ all gates passed');
  });

  it('summarises each project in a table', () => {
    const markdown = renderMarkdown(allReports());
    expect(rowFor(markdown, 'Fixed since baseline')).toEqual([
      'Project',
      'New',
      'Baseline',
      'Ignored',
      'Fixed since baseline',
      'Errors',
      'Warnings',
      'Gate',
    ]);
    expect(rowFor(markdown, '| ts-lib |')).toEqual(['ts-lib', '2', '1', '0', '1', '1', '2', '❌ **FAILED**: 1 new error']);
    expect(rowFor(markdown, '| py-lib |')).toEqual(['py-lib', '1', '1', '1', '0', '0', '1', '✅ passed']);
    expect(rowFor(markdown, '| clean-lib |')).toEqual(['clean-lib', '0', '0', '0', '2', '0', '0', '✅ passed']);
  });

  it('counts what failed a gate, in the headline and the row: never a row of zeros that says FAILED', () => {
    const broken = cleanLibReport();
    broken.problems = [{ kind: 'error', file: 'libs/clean-lib/.shipshape-baseline.json', message: 'is not valid JSON' }];
    broken.summary = { ...broken.summary, gate: 'failed', passed: false };
    const markdown = renderMarkdown([broken]);
    expect(markdown.split('\n')[0]).toBe('## Shipshape audit: ❌ gate FAILED: 1 problem');
    expect(rowFor(markdown, '| clean-lib |')).toEqual(['clean-lib', '0', '0', '0', '2', '0', '0', '❌ **FAILED**: 1 problem']);
    expect(renderMarkdown([cleanLibReport()]).split('\n')[0]).toBe('## Shipshape audit: ✅ gate passed');
  });

  it('says a skipped gate, with the checks that did not run', () => {
    const skipped = pyToolsReport();
    skipped.checks = skipped.checks.map((check) => ({ ...check, skipped: 'python3 was not found on PATH' }));
    skipped.summary = { ...skipped.summary, gate: 'skipped', passed: false };
    const markdown = renderMarkdown([skipped, cleanLibReport()]);
    expect(markdown.split('\n')[0]).toBe('## Shipshape audit: ⚠️ 1 of 2 gates skipped: 1 check not run');
    expect(rowFor(markdown, '| py-tools |')[7]).toBe('⚠️ skipped: 1 check not run');
  });

  it('puts each project in a collapsible block with its findings grouped by plan item', () => {
    const markdown = renderMarkdown(allReports());
    const block = markdown.slice(markdown.indexOf('<details><summary><strong>ts-lib</strong>'));
    expect(block.split('\n')[0]).toBe('<details><summary><strong>ts-lib</strong>: 3 findings (2 new)</summary>');
    expect(block.split('\n')[1]).toBe('');
    const headings = block.split('\n').filter((line) => line.startsWith('#### '));
    expect(headings).toEqual([
      '#### Complete package metadata (`structure/package-metadata`)',
      '#### Categorize dependencies from real imports (`deps/categorize`)',
      '#### Explicit module exports (`api/explicit-exports`)',
    ]);
    const afterHeading = (heading: string) => block.slice(block.indexOf(heading)).split('\n')[4];
    expect(afterHeading('#### Categorize dependencies')).toContain('`deps/unused-dependency`');
    expect(block.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('writes a finding as location, severity, message, check id and fix command', () => {
    const markdown = renderMarkdown([tsLibReport()]);
    expect(rowFor(markdown, 'lodash')).toEqual([
      '`libs/ts-lib/package.json:12:5`',
      'warning (baseline)',
      '"lodash" is declared in dependencies but never imported',
      '`deps/unused-dependency`',
      '`nx g @shipshape/deps:categorize --project=ts-lib --dependency=lodash`',
    ]);
    expect(rowFor(markdown, 'license')[0]).toBe('`libs/ts-lib/package.json`');
  });

  it('escapes pipes and HTML so a message stays in its cell', () => {
    const row = rowFor(renderMarkdown([tsLibReport()]), 'export *');
    expect(row).toHaveLength(5);
    expect(row[2]).toBe("Replace `export *` from './a' \\| './b' with named exports of Result&lt;T&gt;");
  });

  it('escapes Markdown emphasis outside code spans, and line breaks', () => {
    const report = pyLibReport();
    report.findings[0].message = 'Add __init__.py to *io*\nthen rerun `nx g x --a=*b*`';
    const row = rowFor(renderMarkdown([report]), 'rerun');
    expect(row[2]).toBe('Add \\_\\_init\\_\\_.py to \\*io\\*<br>then rerun `nx g x --a=*b*`');
  });

  it('escapes HTML in project names inside <summary>', () => {
    const report = cleanLibReport();
    report.project.name = '<script>';
    expect(renderMarkdown([report])).toContain('<summary><strong>&lt;script&gt;</strong>');
  });

  it('lists problems', () => {
    expect(renderMarkdown(allReports())).toContain('- **skipped**: python3 was not found on PATH; the Python checks did not run');
  });

  it('shows ignored findings with their reason and without a fix', () => {
    const markdown = renderMarkdown([pyLibReport()]);
    expect(markdown).toContain('<summary><strong>py-lib</strong>: 3 findings (1 new, 1 ignored)</summary>');
    const row = rowFor(markdown, 'requests');
    expect(row[1]).toBe('warning (ignored)');
    expect(row[2]).toBe(
      '"requests" is declared in \\[project.dependencies\\] but never imported<br>Ignored: imported by plugins at run time',
    );
    expect(row[4]).toBe('');
  });

  it('leaves the fix cell empty when nothing fixes the finding', () => {
    expect(rowFor(renderMarkdown([pyLibReport()]), 'def parse')[4]).toBe('');
  });
});
