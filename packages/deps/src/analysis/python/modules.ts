import { normalizeDistributionName, type PythonEnvironment } from '@shipshape/core';
import table from '../../data/python-distributions.json';

interface TableEntry {
  distribution: string;
  minimum?: string;
}

const MODULES = table.modules as Record<string, TableEntry>;
const MINIMUM_BY_DISTRIBUTION = new Map(
  Object.values(MODULES)
    .filter((e) => e.minimum)
    .map((e) => [normalizeDistributionName(e.distribution), e.minimum!]),
);

type DistributionSource = 'configuration' | 'environment' | 'table' | 'declared name' | 'module name';

/**
 * The declared distribution an import name is the name of, but for the `py`/`python` prefixes and suffixes
 * distributions add (`markdown_it` is markdown-it-py, `socks` PySocks, `dateutil` python-dateutil).
 */
function declaredNamedAfter(module: string, declaredKeys: ReadonlySet<string>): string | undefined {
  const key = normalizeDistributionName(module);
  return declaredKeys.has(key) ? key : declaredAllNamedAfter(module, declaredKeys)[0];
}

/** Every declared distribution named after the module (urllib3's brotli extra declares brotli and, for Python 2, brotlipy). */
export function declaredAllNamedAfter(module: string, declaredKeys: ReadonlySet<string>): string[] {
  const bare = (name: string) => name.replace(/^py(thon)?-?|-?py(thon)?$/g, '');
  const key = bare(normalizeDistributionName(module));
  return [...declaredKeys].filter((declared) => bare(declared) === key);
}

/**
 * Maps an imported module to the distribution that provides it: the user's configuration first, then a
 * dotted entry of Shipshape's table (one distribution of a shared namespace), then the environment when it
 * names a distribution the project declares, then the table of well-known mismatches (`yaml` → PyYAML),
 * then the environment's first distribution for it, else the top-level module name.
 */
export function moduleDistributions(
  configured: Record<string, string>,
  environment: PythonEnvironment | null,
  declaredKeys: ReadonlySet<string>,
) {
  return (module: string): { name: string; source: DistributionSource } => {
    const fromConfig = longestMatch(configured, module);
    if (fromConfig) return { name: fromConfig, source: 'configuration' };
    const top = module.split('.')[0];
    const specific = longestMatchKey(MODULES, module);
    // A dotted entry (`google.protobuf`) names one distribution of a namespace several share.
    if (specific?.includes('.')) return { name: MODULES[specific].distribution, source: 'table' };
    const installed = environment?.distributions[top] ?? [];
    const declared = installed.find((name) => declaredKeys.has(normalizeDistributionName(name)));
    if (declared) return { name: declared, source: 'environment' };
    const namedAfter = declaredNamedAfter(top, declaredKeys);
    if (namedAfter) return { name: namedAfter, source: 'declared name' };
    if (specific) return { name: MODULES[specific].distribution, source: 'table' };
    if (installed.length > 0) return { name: installed[0], source: 'environment' };
    return { name: top, source: 'module name' };
  };
}

/** The lower bound Shipshape's table suggests for a well-known distribution that is not installed. */
export function tableMinimum(distribution: string): string | undefined {
  return MINIMUM_BY_DISTRIBUTION.get(normalizeDistributionName(distribution));
}

function longestMatch<T>(entries: Record<string, T>, module: string): T | undefined {
  const key = longestMatchKey(entries, module);
  return key === undefined ? undefined : entries[key];
}

/** The longest dotted prefix of `module` (the module itself included) that `entries` has. */
function longestMatchKey(entries: Record<string, unknown>, module: string): string | undefined {
  const parts = module.split('.');
  for (let length = parts.length; length > 0; length--) {
    const key = parts.slice(0, length).join('.');
    if (Object.hasOwn(entries, key)) return key;
  }
  return undefined;
}
