import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Extractor, ExtractorConfig, type ExtractorMessage } from '@microsoft/api-extractor';
import { runProcess } from '@shipshape/core';
import { diskProject, tempWorkspace } from '@shipshape/core/testing';
import { API_OPTIONS } from '../options';
import { LIBRARY } from './__fixtures__/libraries';
import forgottenExport from './forgotten-export';

const TSC = require.resolve('typescript/bin/tsc');

interface Located {
  name: string;
  file: string;
  line: number;
}

/** api-extractor run for real on the declarations tsc emits (with declaration maps, so that it names the .ts sources). */
async function apiExtractorForgotten(root: string): Promise<Located[]> {
  const folder = join(root, 'libs/ledger');
  const emitted = await runProcess(process.execPath, [TSC, '-p', folder], { timeoutMs: 120_000 });
  expect(emitted.stdout + emitted.stderr).toBe('');
  const configPath = join(folder, 'api-extractor.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      mainEntryPointFilePath: '<projectFolder>/dist/index.d.ts',
      apiReport: { enabled: false },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      compiler: { tsconfigFilePath: '<projectFolder>/tsconfig.json' },
      messages: {
        extractorMessageReporting: {
          default: { logLevel: 'none' },
          'ae-forgotten-export': { logLevel: 'warning', addToApiReportFile: false },
        },
        compilerMessageReporting: { default: { logLevel: 'none' } },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    }),
  );
  const messages: ExtractorMessage[] = [];
  Extractor.invoke(ExtractorConfig.loadFileAndPrepare(configPath), {
    localBuild: true,
    messageCallback: (message) => {
      messages.push(message);
      message.handled = true;
    },
  });
  return messages
    .filter((m) => m.messageId === 'ae-forgotten-export')
    .map((m) => ({
      name: /"([^"]+)"/.exec(m.text)![1],
      file: m.sourceFilePath!.slice(root.length + 1).replace(/\\/g, '/'),
      line: m.sourceFileLine!,
    }));
}

describe('api/forgotten-export', () => {
  let workspace: ReturnType<typeof tempWorkspace>;
  beforeAll(() => {
    workspace = tempWorkspace({ 'package.json': '{"name":"ws","private":true}', ...LIBRARY });
  });
  afterAll(() => workspace.remove());

  it('reports what api-extractor reports, at the same file and line', async () => {
    const ours = (await forgottenExport.run(diskProject(workspace.root, 'libs/ledger', { sections: [API_OPTIONS] }))).map((f) => ({
      name: /"([^"]+)"/.exec(f.message)![1],
      file: f.file,
      line: f.line,
    }));
    const theirs = await apiExtractorForgotten(workspace.root);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(theirs.length).toBeGreaterThan(3);
    expect(ours.sort(byName)).toEqual(theirs.sort(byName));
    // What a private member or a function body uses is no part of the API.
    expect(ours.map((f) => f.name)).not.toContain('Hidden');
  }, 180_000);

  it('stays quiet once the entry exports what its signatures use', async () => {
    workspace.write({
      'libs/ledger/src/public.ts': [
        "export type { Journal } from './journal.js';",
        "export type { PostingOptions } from './options.js';",
        '',
      ].join('\n'),
    });
    const project = diskProject(workspace.root, 'libs/ledger', { sections: [API_OPTIONS] });
    const before = await forgottenExport.run(project);
    expect(before.map((f) => /"([^"]+)"/.exec(f.message)![1])).toEqual(expect.arrayContaining(['Journal', 'PostingOptions']));
    const index = join(workspace.root, 'libs/ledger/src/index.ts');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(index, 'utf8')
      .replace('type Side =', 'export type Side =')
      .replace('class Base', 'export class Base')
      .replace('interface Settings', 'export interface Settings')
      .replace("export type { Currency } from './money.js';", "export type { Currency } from './money.js';\nexport * from './public.js';");
    writeFileSync(index, text);
    const after = await forgottenExport.run(diskProject(workspace.root, 'libs/ledger', { sections: [API_OPTIONS] }));
    expect(after).toEqual([]);
  });
});
