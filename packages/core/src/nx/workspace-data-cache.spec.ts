import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheVersion, contentHash, WorkspaceDataCache } from './workspace-data-cache';

describe('WorkspaceDataCache', () => {
  let root: string;
  const previous = process.env.NX_WORKSPACE_DATA_DIRECTORY;
  const options = (version = '1/a') => ({
    fileName: 'test.hash',
    version,
    isValue: (value: unknown): value is string | null => value === null || typeof value === 'string',
  });
  const cacheFile = () => join(root, 'data', 'test.hash');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'workspace-data-cache-'));
    process.env.NX_WORKSPACE_DATA_DIRECTORY = join(root, 'data');
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    if (previous === undefined) delete process.env.NX_WORKSPACE_DATA_DIRECTORY;
    else process.env.NX_WORKSPACE_DATA_DIRECTORY = previous;
  });

  it('gives the next process what this one saved, null values included', () => {
    const cache = WorkspaceDataCache.load(root, options());
    expect(cache.get('h1')).toBeUndefined();
    cache.set('h1', 'one');
    cache.set('h2', null);
    cache.save(['h1', 'h2']);
    const next = WorkspaceDataCache.load(root, options());
    expect(next.get('h1')).toBe('one');
    expect(next.get('h2')).toBeNull();
    expect(next.get('h3')).toBeUndefined();
  });

  it('trusts no file of another version, and no entry of another shape', () => {
    const cache = WorkspaceDataCache.load(root, options());
    cache.set('h1', 'one');
    cache.save(['h1']);
    expect(WorkspaceDataCache.load(root, options('2/a')).get('h1')).toBeUndefined();
    writeFileSync(cacheFile(), JSON.stringify({ version: '1/a', entries: { h1: 'one', h2: 42 } }));
    expect(WorkspaceDataCache.load(root, options()).get('h1')).toBeUndefined();
    writeFileSync(cacheFile(), '{ not json');
    expect(WorkspaceDataCache.load(root, options()).get('h1')).toBeUndefined();
  });

  it('keeps the live entries and as many older ones, and writes nothing when nothing was added', () => {
    const first = WorkspaceDataCache.load(root, options());
    for (const hash of ['old1', 'old2', 'old3']) first.set(hash, hash);
    first.save(['old1', 'old2', 'old3']);
    const second = WorkspaceDataCache.load(root, options());
    second.set('new1', 'new1');
    second.save(['new1']);
    const kept = Object.keys(JSON.parse(readFileSync(cacheFile(), 'utf8')).entries);
    expect(kept).toHaveLength(2);
    expect(kept[0]).toBe('new1');
    const before = readFileSync(cacheFile(), 'utf8');
    const third = WorkspaceDataCache.load(root, options());
    third.get('new1');
    third.save([]);
    expect(readFileSync(cacheFile(), 'utf8')).toBe(before);
  });

  it('leaves no half-written file when it cannot write', () => {
    mkdirSync(cacheFile(), { recursive: true }); // a folder where the file should be
    const cache = WorkspaceDataCache.load(root, options());
    cache.set('h1', 'one');
    cache.save(['h1']);
    expect(readdirSync(join(root, 'data'))).toEqual(['test.hash']);
    expect(WorkspaceDataCache.load(root, options()).get('h1')).toBeUndefined();
  });
});

describe('contentHash and cacheVersion', () => {
  it('hashes a text as the file of the same bytes, and is undefined for a file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-hash-'));
    try {
      writeFileSync(join(dir, 'a.toml'), 'name = "é"\n');
      expect(contentHash({ path: join(dir, 'a.toml') })).toBe(contentHash({ text: 'name = "é"\n' }));
      expect(contentHash({ text: 'name = "e"\n' })).not.toBe(contentHash({ text: 'name = "é"\n' }));
      expect(contentHash({ path: join(dir, 'missing') })).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is the format, the package's version and core's", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-version-'));
    try {
      writeFileSync(join(dir, 'package.json'), '{"version":"9.8.7"}');
      const core = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
      expect(cacheVersion(3, join(dir, 'package.json'))).toBe(`3/9.8.7/${core}`);
      expect(cacheVersion(3, join(dir, 'missing.json'))).toBe(`3/?/${core}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
