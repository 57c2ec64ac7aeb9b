/** PEP 440 version specifiers as `requires-python` uses them, enough to tell which Python 3 minors they allow. */
type Version = number[];
type Clause = (v: Version) => boolean;

const CLAUSE = /^\s*(~=|===|==|!=|<=|>=|<|>)\s*([0-9]+(?:\.[0-9]+)*)(\.\*)?\s*$/;

function compare(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

const startsWith = (v: Version, prefix: Version) => prefix.every((part, i) => (v[i] ?? 0) === part);

function clause(text: string): Clause | undefined {
  const match = CLAUSE.exec(text);
  if (!match) return undefined;
  const [, op, raw, star] = match;
  const target = raw.split('.').map(Number);
  if (star && op !== '==' && op !== '!=') return undefined;
  switch (op) {
    case '==':
    case '===':
      return star ? (v) => startsWith(v, target) : (v) => compare(v, target) === 0;
    case '!=':
      return star ? (v) => !startsWith(v, target) : (v) => compare(v, target) !== 0;
    case '>=':
      return (v) => compare(v, target) >= 0;
    case '<=':
      return (v) => compare(v, target) <= 0;
    case '>':
      return (v) => compare(v, target) > 0;
    case '<':
      return (v) => compare(v, target) < 0;
    case '~=':
      if (target.length < 2) return undefined;
      return (v) => compare(v, target) >= 0 && startsWith(v, target.slice(0, -1));
    default:
      return undefined;
  }
}

/** The specifier as a predicate; undefined when it is not valid PEP 440. */
export function parseSpecifier(specifier: string): ((version: Version) => boolean) | undefined {
  const clauses = specifier.split(',').map(clause);
  if (clauses.length === 0 || clauses.some((c) => c === undefined)) return undefined;
  return (v) => clauses.every((c) => c!(v));
}

/** Does the specifier allow some release of Python `major.minor`? */
export function allowsMinor(allows: (version: Version) => boolean, major: number, minor: number): boolean {
  for (let patch = 0; patch <= 30; patch++) if (allows([major, minor, patch])) return true;
  return false;
}

const PYTHON_CLASSIFIER = /^Programming Language :: Python :: (\d+)\.(\d+)$/;

/** `Programming Language :: Python :: 3.11` as [3, 11]; undefined for other classifiers. */
export function classifierVersion(classifier: string): [number, number] | undefined {
  const match = PYTHON_CLASSIFIER.exec(classifier.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** The lowest Python 3 minor the specifier allows, among 3.0 to 3.30. */
export function lowestMinor(allows: (version: Version) => boolean): number | undefined {
  for (let minor = 0; minor <= 30; minor++) if (allowsMinor(allows, 3, minor)) return minor;
  return undefined;
}
