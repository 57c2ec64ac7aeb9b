// Each published package ships a README that says what it is, how to install it, the generators,
// executors and options it offers, and where the docs are.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const packagesDir = join(__dirname, '../..');
const repoRoot = join(packagesDir, '..');
const DOCS_URL = 'https://github.com/shipshape-dev/shipshape/blob/main/';
const PUBLISHED = ['core', 'structure', 'deps', 'api', 'pipeline'];

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
type Collection = Record<string, { schema: string; hidden?: boolean }>;

/** The generators and executors a package offers, with the options a user sets (not `x-priority: internal`). */
function offered(name: string): Array<{ name: string; options: string[] }> {
  const root = join(packagesDir, name);
  const collection = (file: string, key: string) =>
    existsSync(join(root, file)) ? (readJson<Record<string, Collection | undefined>>(join(root, file))[key] ?? {}) : {};
  return Object.entries({ ...collection('generators.json', 'generators'), ...collection('executors.json', 'executors') }).map(
    ([entry, { schema }]) => {
      const properties =
        readJson<{ properties?: Record<string, { 'x-priority'?: string }> }>(join(root, schema.replace(/^\.\/dist\//, 'src/')))
          .properties ?? {};
      return { name: entry, options: Object.keys(properties).filter((option) => properties[option]['x-priority'] !== 'internal') };
    },
  );
}

describe.each(PUBLISHED)('@shipshape/%s', (name) => {
  const manifest = readJson<{ name: string; files?: string[] }>(join(packagesDir, name, 'package.json'));
  const readme = () => readFileSync(join(packagesDir, name, 'README.md'), 'utf8');

  it('ships its README: the file exists and package.json lists it in files', () => {
    expect(existsSync(join(packagesDir, name, 'README.md'))).toBe(true);
    expect(manifest.files).toContain('README.md');
  });

  it('says what it is and how to install it', () => {
    const text = readme();
    expect(text.startsWith(`# ${manifest.name}\n`)).toBe(true);
    expect(text).toMatch(/^## Install$/m);
    expect(text).toMatch(new RegExp(`(nx add|npm install --save-dev) @shipshape/(pipeline|${name})`));
  });

  it('names every generator and executor it offers, and their options', () => {
    const text = readme();
    for (const entry of offered(name)) {
      expect([entry.name, text.includes(`\`${entry.name}\``)]).toEqual([entry.name, true]);
      for (const option of entry.options)
        expect([entry.name, option, new RegExp(`\`(--)?${option}\``).test(text)]).toEqual([entry.name, option, true]);
    }
  });

  it('links to docs that exist', () => {
    const links = [...readme().matchAll(/\]\((https:[^)#]+)(#[^)]*)?\)/g)].map((m) => m[1]).filter((url) => url.startsWith(DOCS_URL));
    expect(links.length).toBeGreaterThan(0);
    for (const url of links) expect([url, existsSync(join(repoRoot, url.slice(DOCS_URL.length)))]).toEqual([url, true]);
  });
});
