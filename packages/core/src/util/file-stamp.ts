import { statSync } from 'node:fs';

/** A file's stamp, `mtimeNs:size:inode` as stat gives them (following links), or "-" when it is absent. */
export function fileStamp(path: string): string {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.mtimeNs}:${stat.size}:${stat.ino}`;
  } catch {
    return '-';
  }
}
