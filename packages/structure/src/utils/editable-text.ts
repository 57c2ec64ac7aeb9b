import { decodeSource, ShipshapeError, type FileSource } from '@shipshape/core';

/**
 * The text of a file a generator is about to edit, refused with one message naming the file when it is not
 * UTF-8 text: decoding it would replace the bytes it cannot read with U+FFFD, and writing the edit back would
 * lose them (JSON, TOML and Python source are UTF-8; a file in another encoding is the user's to convert).
 */
export function editableText(source: FileSource, path: string): string {
  const bytes = source.readBytes(path);
  const decoded = decodeSource(bytes);
  if (decoded.error !== undefined)
    throw new ShipshapeError(
      `${decoded.error}: Shipshape edits only UTF-8 text and would lose the bytes it cannot read; nothing was written`,
      path,
    );
  return bytes!.toString('utf8');
}
