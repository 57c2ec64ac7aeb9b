import parseSpdx from 'spdx-expression-parse';
import licenseIds from 'spdx-license-ids';
import deprecatedIds from 'spdx-license-ids/deprecated.json';

export type SpdxVerdict =
  { valid: true; licenses: string[]; deprecated: string[] } | { valid: false; problem: string; suggestion?: string };

type Node = parseSpdx.LicenseInfo | parseSpdx.ConjunctionInfo;

const canonical = new Map([...licenseIds, ...deprecatedIds].map((id) => [id.toLowerCase(), id]));

/** Checks an SPDX license expression (`MIT`, `Apache-2.0 OR MIT`, `GPL-3.0-only WITH GCC-exception-3.1`). */
export function checkSpdxExpression(expression: string): SpdxVerdict {
  let tree: Node;
  try {
    tree = parseSpdx(expression);
  } catch (error) {
    return {
      valid: false,
      problem: `"${expression}" is not a valid SPDX license expression (${(error as Error).message})`,
      suggestion: suggestExpression(expression),
    };
  }
  const licenses = licensesOf(tree);
  return { valid: true, licenses, deprecated: licenses.filter((id) => deprecatedIds.includes(id)) };
}

function licensesOf(node: Node): string[] {
  return 'license' in node ? [node.license] : [...licensesOf(node.left), ...licensesOf(node.right)];
}

/** The expression with every identifier in its canonical case, when that makes it valid (`mit` becomes `MIT`). */
function suggestExpression(expression: string): string | undefined {
  const recased = expression.replace(/[A-Za-z0-9.+-]+/g, (word) => {
    const upper = word.toUpperCase();
    if (upper === 'AND' || upper === 'OR' || upper === 'WITH') return upper;
    return canonical.get(word.toLowerCase()) ?? word;
  });
  if (recased === expression) return undefined;
  try {
    parseSpdx(recased);
    return recased;
  } catch {
    return undefined;
  }
}

/** The SPDX identifier that replaces a deprecated one, when SPDX names one (`GPL-2.0` is `GPL-2.0-only`). */
export function replacementOf(deprecated: string): string | undefined {
  const match = /^(A?GPL|LGPL)-(\d\.\d)(\+)?$/.exec(deprecated);
  if (match) return `${match[1]}-${match[2]}-${match[3] ? 'or-later' : 'only'}`;
  return undefined;
}
