import { stripBom } from '../manifest/format';

/** A source file's text, or why it cannot be read as source. */
export type SourceText = { text: string; error?: undefined } | { text?: undefined; error: string };

/**
 * The one way source files are decoded: a NUL byte in the first 8 KB is a binary file, and bytes that are
 * not UTF-8 are not source text (a BOM is dropped). Both are reported, never silently skipped.
 */
export function decodeSource(bytes: Buffer | undefined): SourceText {
  if (bytes === undefined) return { error: 'cannot be read' };
  if (bytes.subarray(0, 8192).includes(0)) return { error: 'is a binary file, not source code' };
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(bytes)) return { error: 'is not valid UTF-8' };
  return { text: stripBom(text) };
}
