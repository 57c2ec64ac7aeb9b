/** A PEP 508 requirement split into its parts; the version specifier itself is left to the PEP 440 library. */
export interface Requirement {
  name: string;
  extras: string[];
  /** `>=1.2,<2`, without parentheses; '' when there is none. */
  specifier: string;
  /** `name @ url` */
  url?: string;
  /** The environment marker after `;`. */
  marker?: string;
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;

/** Splits a requirement string; undefined when it does not start with a valid distribution name. */
export function parseRequirement(text: string): Requirement | undefined {
  const semicolon = text.indexOf(';');
  const head = semicolon < 0 ? text : text.slice(0, semicolon);
  const marker = semicolon < 0 ? undefined : text.slice(semicolon + 1).trim() || undefined;
  const name = NAME.exec(head);
  if (!name) return undefined;
  let rest = head.slice(name[0].length);
  let extras: string[] = [];
  const extrasMatch = /^\[([^\]]*)\]\s*/.exec(rest);
  if (extrasMatch) {
    extras = extrasMatch[1]
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    rest = rest.slice(extrasMatch[0].length);
  }
  const requirement: Requirement = { name: name[1], extras, specifier: '' };
  if (marker) requirement.marker = marker;
  if (rest.startsWith('@')) {
    requirement.url = rest.slice(1).trim();
    return requirement;
  }
  requirement.specifier = rest
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  return requirement;
}

/** The requirement written back: `Name[extra]>=1.2; marker`, with the given specifier. */
export function formatRequirement(requirement: Requirement, specifier: string): string {
  const extras = requirement.extras.length > 0 ? `[${requirement.extras.join(',')}]` : '';
  const marker = requirement.marker ? `; ${requirement.marker}` : '';
  return `${requirement.name}${extras}${specifier}${marker}`;
}
