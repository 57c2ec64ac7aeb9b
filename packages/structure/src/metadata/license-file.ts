/** The license files a package or project may carry, in the order they are looked for. */
export const LICENSE_FILE_NAMES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'LICENCE.md', 'LICENCE.txt', 'COPYING'];

/**
 * Licenses recognised from their text, with phrases that only their text holds. Licenses whose text does not
 * tell the SPDX id (GPL: "only" or "or later" is in the notice, not the text) are left out on purpose.
 */
const KNOWN_TEXTS: Array<{ id: string; all: RegExp[]; none?: RegExp[] }> = [
  {
    id: 'MIT',
    all: [/permission is hereby granted, free of charge/i, /the above copyright notice and this permission notice shall be included/i],
  },
  { id: 'Apache-2.0', all: [/apache license/i, /version 2\.0, january 2004/i] },
  { id: 'ISC', all: [/permission to use, copy, modify, and\/or distribute this software for any purpose/i] },
  { id: 'BSD-3-Clause', all: [/redistribution and use in source and binary forms/i, /neither the name of/i] },
  { id: 'BSD-2-Clause', all: [/redistribution and use in source and binary forms/i], none: [/neither the name of/i] },
  { id: 'MPL-2.0', all: [/mozilla public license,? version 2\.0/i] },
  { id: 'Unlicense', all: [/this is free and unencumbered software released into the public domain/i] },
];

/** The SPDX id of a license text, when the text is one of the well-known licenses. */
export function detectLicense(text: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ');
  return KNOWN_TEXTS.find(({ all, none = [] }) => all.every((re) => re.test(flat)) && !none.some((re) => re.test(flat)))?.id;
}
