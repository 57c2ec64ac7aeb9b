import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away folder with the given files, for tests that need a real file system. */
export function tempWorkspace(files: Record<string, string | Buffer> = {}): {
  root: string;
  write: (files: Record<string, string | Buffer>) => void;
  remove: () => void;
} {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-'));
  const write = (more: Record<string, string | Buffer>) => {
    for (const [path, content] of Object.entries(more)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  };
  write(files);
  return { root, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}
